package dev.grid.core.spi;

import dev.grid.core.Grid;
import dev.grid.core.GridException;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * SQL for a tool that shows the cluster (the monitor's dashboard): run a statement and get its first rows as text, list
 * the queries running in the cluster, cancel one. grid-query implements it and registers its {@link Provider} under
 * {@code META-INF/services}; without grid-query on the class path {@link #open} finds none, and the tool says SQL is not
 * available. So the tool needs neither grid-query nor Hazelcast's SQL engine to build or run.
 */
public interface SqlConsole extends AutoCloseable {
    /**
     * @param grid    the member or client the statements run from
     * @param name    what runs them, shown as the queries' origin ({@code "dashboard"})
     * @param maxRows the most rows a statement returns; a query with more is stopped there
     * @param timeout how long a statement may run before it is cancelled; zero for no limit
     * @return the console, or empty when no module on the class path provides SQL
     * @throws GridException if a provider is registered but cannot be loaded
     */
    static Optional<SqlConsole> open(Grid grid, String name, int maxRows, Duration timeout) {
        Iterator<Provider> providers = ServiceLoader.load(Provider.class, Provider.class.getClassLoader()).iterator();
        try {
            if (!providers.hasNext()) {
                return Optional.empty();
            }
            return Optional.of(providers.next().open(grid, name, maxRows, timeout));
        } catch (ServiceConfigurationError e) {
            throw new GridException("the SQL console of grid-query could not be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one statement and reads its first rows.
     *
     * @return its columns and rows, each value as text (null for NULL)
     * @throws Cancelled    if it was cancelled while it ran
     * @throws GridException with the engine's message if the engine refused or failed it (a syntax error names its line
     *                      and column)
     */
    Rows query(String sql);

    /** @return the queries running in the cluster through grid's SQL sessions, oldest first */
    List<Running> running();

    /**
     * Cancels a running query of any member or client; it stops within moments.
     *
     * @param by who cancels, for its caller's message
     * @return false if no query with this id is running
     */
    boolean cancel(String id, String by);

    /** Stops listening for cancels; the grid is the caller's. */
    @Override
    void close();

    /**
     * A statement's rows.
     *
     * @param id       the query's id
     * @param columns  the column names
     * @param types    the columns' SQL types
     * @param rows     the rows read, each value as text (null for NULL)
     * @param complete false if reading stopped at the row limit (the query may have had more rows)
     */
    record Rows(String id, List<String> columns, List<String> types, List<List<String>> rows, boolean complete) {
    }

    /**
     * A running query.
     *
     * @param id              the id {@link #cancel} takes
     * @param sql             its text
     * @param startedAtMillis when it started (epoch ms)
     * @param origin          who runs it ({@code "grid sql on client 127.0.0.1:53120"})
     * @param rows            the rows its caller had read, at most a second ago
     * @param cancelledBy     who asked to cancel it, while it stops; null if nobody has
     */
    record Running(String id, String sql, long startedAtMillis, String origin, long rows, String cancelledBy) {
    }

    /** A statement was cancelled: {@code query <id> was cancelled by <who>}. */
    class Cancelled extends GridException {
        private static final long serialVersionUID = 1L;

        public Cancelled(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Opens consoles; implemented by grid-query. */
    interface Provider {
        SqlConsole open(Grid grid, String name, int maxRows, Duration timeout);
    }
}
