package dev.grid.query;

import java.util.List;

/**
 * The rows a statement returned (none for a statement that returns no rows), from the live cluster ({@link GridSql}) or
 * from exported files ({@link dev.grid.query.offline.OfflineSql}).
 *
 * @param columns  the column names, in order
 * @param types    the columns' SQL types, in order (DuckDB's names offline, Hazelcast's {@code SqlColumnType} live)
 * @param rows     the rows, each a list of values (null for NULL)
 * @param complete false when reading stopped at a row limit before the statement's end (a live query, cancelled there)
 * @since 0.1
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, boolean complete) {
    /** A result read to its end. */
    public QueryResult(List<String> columns, List<String> types, List<List<Object>> rows) {
        this(columns, types, rows, true);
    }
}
