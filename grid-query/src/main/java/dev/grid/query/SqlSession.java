package dev.grid.query;

/**
 * Runs SQL statements one at a time: on the live cluster ({@link GridSql}) or over exported files
 * ({@link dev.grid.query.offline.OfflineSql}). Not thread-safe, except for
 * {@link QueryHandle#cancel(String)}.
 *
 * @since 0.1
 */
public interface SqlSession extends AutoCloseable {
    /**
     * Runs one statement.
     *
     * @return its rows (none for a statement that returns no rows)
     * @throws dev.grid.core.GridException with the engine's message (a syntax error names its line and column)
     * @throws QueryCancelledException if another thread cancelled it
     */
    default QueryResult query(String sql) {
        return start(sql).result();
    }

    /**
     * Prepares one statement: the handle runs it ({@link QueryHandle#result()}) and can cancel it from another thread
     * (Ctrl-C, a timer, the dashboard).
     *
     * @throws IllegalArgumentException if the statement is empty
     */
    QueryHandle start(String sql);

    /** @return what the session runs on, for a prompt or a banner (the cluster, or the exports' views) */
    String describe();

    /** Releases what the session holds (not the cluster a live session runs on). */
    @Override
    void close();
}
