package dev.grid.query;

import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlRowMetadata;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.query.impl.sql.CreateGridMapIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * SQL on the live cluster, through Hazelcast's SQL engine and grid's connectors ({@code CREATE MAPPING ... TYPE GridMap}
 * or {@code TYPE GridLog}, IMap mappings, joins): the statements of {@code docs/query.md}, from a member or a client.
 *
 * <pre>{@code
 * try (SqlSession sql = GridSql.on(grid, 1000)) {
 *     sql.query("CREATE MAPPING people (__key INT, name VARCHAR, age INT) TYPE GridMap "
 *             + "OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')");
 *     QueryResult adults = sql.query("SELECT name FROM people WHERE age >= 18 ORDER BY name");
 * }
 * }</pre>
 *
 * <p>A statement's rows are read up to the session's row limit; a query that reaches it (a stream never ends) is then
 * cancelled, and its result says it may not be {@link QueryResult#complete() complete}.
 *
 * @since 0.1
 */
public final class GridSql implements SqlSession {
    private final Grid grid;
    private final int maxRows;

    private GridSql(Grid grid, int maxRows) {
        this.grid = grid;
        this.maxRows = maxRows;
    }

    /**
     * @param grid    a member or a client of the cluster (members run Jet: {@code grid.jetEnabled}, on by default where
     *                grid-query is on their class path)
     * @param maxRows the most rows a statement reads before it is cancelled, at least 1
     * @return a session; closing it leaves {@code grid} running
     */
    public static GridSql on(Grid grid, int maxRows) {
        if (grid == null) {
            throw new IllegalArgumentException("GridSql needs a grid, was null");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("GridSql maxRows must be at least 1, was " + maxRows);
        }
        return new GridSql(grid, maxRows);
    }

    /**
     * @throws GridException with the engine's message: a syntax error names line and column, an unknown mapping, column
     *                       or function is named
     */
    @Override
    public QueryResult query(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("no SQL: the statement is empty");
        }
        String statement = sql.strip();
        if (statement.endsWith(";")) { // as a shell or a script ends it; Hazelcast's parser refuses it
            statement = statement.substring(0, statement.length() - 1);
        }
        // the engine would put an index named in CREATE INDEX on an IMap even for a GridMap mapping
        Optional<CreateGridMapIndex> createIndex = CreateGridMapIndex.parse(statement);
        if (createIndex.isPresent() && createIndex.get().runOn(grid)) {
            return new QueryResult(List.of(), List.of(), List.of());
        }
        try (SqlResult result = grid.hazelcast().getSql().execute(statement)) {
            if (!result.isRowSet()) {
                return new QueryResult(List.of(), List.of(), List.of());
            }
            SqlRowMetadata metadata = result.getRowMetadata();
            List<String> columns = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int c = 0; c < metadata.getColumnCount(); c++) {
                columns.add(metadata.getColumn(c).getName());
                types.add(metadata.getColumn(c).getType().name());
            }
            List<List<Object>> rows = new ArrayList<>();
            Iterator<SqlRow> iterator = result.iterator();
            while (rows.size() < maxRows && iterator.hasNext()) {
                SqlRow row = iterator.next();
                List<Object> values = new ArrayList<>(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    values.add(row.getObject(c));
                }
                rows.add(Collections.unmodifiableList(values));
            }
            // at the limit, asking for one more row would wait for it, forever on a stream: the query is cancelled instead
            boolean complete = rows.size() < maxRows;
            return new QueryResult(List.copyOf(columns), List.copyOf(types), Collections.unmodifiableList(rows), complete);
        } catch (HazelcastSqlException e) {
            throw new GridException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "a cluster of " + grid.hazelcast().getCluster().getMembers().size() + " members";
    }

    @Override
    public void close() {
        // each statement's result is closed when it is read; the grid is the caller's
    }
}
