package dev.grid.query;

import com.hazelcast.client.Client;
import com.hazelcast.cluster.Endpoint;
import com.hazelcast.cluster.Member;
import dev.grid.core.Grid;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SQL on the live cluster, through Hazelcast's SQL engine and grid's connectors ({@code CREATE MAPPING ... TYPE GridMap}
 * or {@code TYPE GridLog}, IMap mappings, joins): the statements of {@code docs/query.md}, from a member or a client.
 *
 * <pre>{@code
 * try (GridSql sql = GridSql.on(grid, 1000)) {
 *     sql.query("CREATE MAPPING people (__key INT, name VARCHAR, age INT) TYPE GridMap "
 *             + "OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')");
 *     QueryResult adults = sql.query("SELECT name FROM people WHERE age >= 18 ORDER BY name");
 * }
 * }</pre>
 *
 * <p>A statement's rows are read up to the session's row limit; a query that reaches it (a stream never ends) is then
 * cancelled, and its result says it may not be {@link QueryResult#complete() complete}.
 *
 * <p><b>Cancelling.</b> Every statement has an id; while it runs it is listed by {@link #running()}, on every member
 * and client of the cluster, with its text, start, origin and the rows read so far. {@link QueryHandle#cancel(String)}
 * (the handle {@link #start(String)} returns, from any thread) or {@link #cancel(String)} (from any session of the
 * cluster, with the id) stops it on every member: its Jet job ends and its results are released, and its caller gets
 * a {@link QueryCancelledException} ({@code query 3f2a9c81d04e was cancelled by ...}). Other queries and clients go on.
 * Queries run through Hazelcast's {@code SqlService} directly are not listed.
 *
 * <p>Thread-safe: statements may run from several threads at once.
 *
 * @since 0.1
 */
public final class GridSql implements SqlSession {
    private final Grid grid;
    private final int maxRows;
    private final Duration timeout;
    private final QueryRegistry registry;

    private GridSql(Grid grid, int maxRows, Duration timeout, QueryRegistry registry) {
        this.grid = grid;
        this.maxRows = maxRows;
        this.timeout = timeout;
        this.registry = registry;
    }

    /**
     * @param grid    a member or a client of the cluster (members run Jet: {@code grid.jetEnabled}, on by default where
     *                grid-query is on their class path)
     * @param maxRows the most rows a statement reads before it is cancelled, at least 1
     * @return a session; closing it leaves {@code grid} running
     */
    public static GridSql on(Grid grid, int maxRows) {
        return on(grid, maxRows, null, Duration.ZERO);
    }

    /**
     * @param grid    a member or a client of the cluster
     * @param maxRows the most rows a statement reads before it is cancelled, at least 1
     * @param name    what runs the session, shown in {@link RunningQuery#origin()} before the member or client
     *                ({@code "grid sql"}, {@code "dashboard"}); null for none
     * @param timeout how long a statement may run before the engine cancels it; zero for no limit
     * @return a session; closing it leaves {@code grid} running
     */
    public static GridSql on(Grid grid, int maxRows, String name, Duration timeout) {
        if (grid == null) {
            throw new IllegalArgumentException("GridSql needs a grid, was null");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("GridSql maxRows must be at least 1, was " + maxRows);
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("GridSql timeout must be zero (none) or positive, was " + timeout);
        }
        String endpoint = endpoint(grid.hazelcast().getLocalEndpoint());
        String origin = name == null || name.isBlank() ? endpoint : name + " on " + endpoint;
        return new GridSql(grid, maxRows, timeout, new QueryRegistry(grid.hazelcast(), origin));
    }

    private static String endpoint(Endpoint endpoint) {
        if (endpoint instanceof Member member) {
            return "member " + member.getAddress().getHost() + ":" + member.getAddress().getPort();
        }
        if (endpoint instanceof Client client && client.getSocketAddress() != null) {
            return "client " + client.getSocketAddress().getHostString() + ":" + client.getSocketAddress().getPort();
        }
        return "client " + endpoint.getUuid();
    }

    @Override
    public QueryHandle start(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("no SQL: the statement is empty");
        }
        String id = String.format("%012x", ThreadLocalRandom.current().nextLong() >>> 16);
        boolean client = !(grid.hazelcast().getLocalEndpoint() instanceof Member);
        QueryHandle live = new LiveQuery(id, sql, grid.hazelcast().getSql(), client ? grid.hazelcast().getJet() : null, registry, maxRows,
                timeout.toMillis());
        return CreateGridMapIndex.parse(sql).<QueryHandle>map(createIndex -> new CreateIndexQuery(live, createIndex, grid)).orElse(live);
    }

    /** @return the queries running in the cluster through any {@code GridSql} session, oldest first */
    public List<RunningQuery> running() {
        return registry.running();
    }

    /**
     * Cancels a running query of any session of the cluster, as this session: see {@link #cancel(String, String)}.
     *
     * @return false if no query with this id is running
     */
    public boolean cancel(String id) {
        return cancel(id, registry.origin());
    }

    /**
     * Cancels a running query of any session of the cluster: the session running it stops it (within moments: this
     * returns at once), and its caller gets {@link QueryCancelledException} naming {@code by}.
     *
     * @param id the query's id ({@link RunningQuery#id()}, {@link QueryHandle#id()})
     * @param by who cancels, for the caller's message
     * @return false if no query with this id is running
     */
    public boolean cancel(String id, String by) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no query id to cancel");
        }
        return registry.cancel(id.strip(), by == null || by.isBlank() ? registry.origin() : by);
    }

    @Override
    public String describe() {
        return "a cluster of " + grid.hazelcast().getCluster().getMembers().size() + " members";
    }

    /** Stops listening for cancels; statements still running go on. The grid is the caller's. */
    @Override
    public void close() {
        registry.close();
    }
}
