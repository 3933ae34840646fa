package dev.grid.query.offline;

import java.util.List;

/**
 * The rows a statement returned (none for a statement that returns no rows).
 *
 * @param columns the column names, in order
 * @param types   the columns' DuckDB types, in order
 * @param rows    the rows, each a list of values as DuckDB's JDBC driver gives them (null for NULL)
 * @since 0.1
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows) {
}
