package dev.grid.query;

/**
 * One statement of a {@link SqlSession}, started but not necessarily running yet: {@link #result()} runs it in the
 * calling thread and reads its rows; {@link #cancel(String)}, from any thread, stops it.
 *
 * <pre>{@code
 * QueryHandle handle = sql.start("SELECT * FROM orders_stream");
 * executor.schedule(() -> handle.cancel("a timer"), 5, TimeUnit.SECONDS);
 * try {
 *     handle.result();
 * } catch (QueryCancelledException e) {
 *     // "query 3f2a9c81d04e was cancelled by a timer"
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface QueryHandle {
    /** @return the query's id: what {@link GridSql#running()} lists and {@link GridSql#cancel(String)} takes */
    String id();

    /** @return the statement's text */
    String sql();

    /**
     * Runs the statement (once: a second call fails) and reads its rows up to the session's row limit.
     *
     * @return its rows
     * @throws QueryCancelledException if it was cancelled before or while it ran
     * @throws dev.grid.core.GridException with the engine's message if the engine refused or failed it
     */
    QueryResult result();

    /**
     * Cancels the statement: a running one stops on every member and releases what it holds (its Jet job, its
     * result pages); {@link #result()} then throws {@link QueryCancelledException} naming {@code by}. Returns at once;
     * does nothing once the statement has ended.
     *
     * @param by who cancels, for the message ({@code "Ctrl-C"}, {@code "the dashboard of member 127.0.0.1:5701"})
     */
    void cancel(String by);
}
