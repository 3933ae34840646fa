package dev.grid.query.impl.console;

import dev.grid.core.Grid;
import dev.grid.core.spi.SqlConsole;
import dev.grid.query.GridSql;
import dev.grid.query.QueryCancelledException;
import dev.grid.query.QueryResult;
import dev.grid.query.RunningQuery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link SqlConsole} over a {@link GridSql} session: values become text, a cancel becomes {@link SqlConsole.Cancelled}. */
public final class GridSqlConsole implements SqlConsole {
    private final GridSql sql;

    GridSqlConsole(GridSql sql) {
        this.sql = sql;
    }

    @Override
    public Rows query(String statement) {
        var handle = sql.start(statement);
        QueryResult result;
        try {
            result = handle.result();
        } catch (QueryCancelledException e) {
            throw new Cancelled(e.getMessage(), e);
        }
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<String> text = new ArrayList<>(row.size());
            for (Object value : row) {
                text.add(text(value));
            }
            rows.add(text);
        }
        return new Rows(handle.id(), result.columns(), result.types(), rows, result.complete());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        return value.toString();
    }

    @Override
    public List<Running> running() {
        List<Running> running = new ArrayList<>();
        for (RunningQuery q : sql.running()) {
            running.add(new Running(q.id(), q.sql(), q.startedAt().toEpochMilli(), q.origin(), q.rows(), q.cancelledBy()));
        }
        return running;
    }

    @Override
    public boolean cancel(String id, String by) {
        return sql.cancel(id, by);
    }

    @Override
    public void close() {
        sql.close();
    }

    /** Registered under {@code META-INF/services/dev.grid.core.spi.SqlConsole$Provider}. */
    public static final class Provider implements SqlConsole.Provider {
        @Override
        public SqlConsole open(Grid grid, String name, int maxRows, Duration timeout) {
            return new GridSqlConsole(GridSql.on(grid, maxRows, name, timeout));
        }
    }
}
