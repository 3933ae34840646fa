package dev.grid.monitor.impl.http;

import dev.grid.core.GridException;
import dev.grid.core.spi.SqlConsole;

import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The dashboard's query page: {@code GET /api/sql/running} (the queries running in the cluster), {@code GET
 * /api/sql/run?sql=...} (a read-only statement's first rows and, for a {@code SELECT}, its plan) and {@code POST
 * /api/sql/cancel?id=...}. Without grid-query on the member's class path each says SQL is not available. The engine's
 * refusal of a statement (a syntax error names its line and column) is a 400 with its message; a cancelled statement a
 * 409.
 */
final class SqlRoutes {
    /** Statements the dashboard runs at once on this member; each holds one of the server's threads while it runs. */
    static final int MAX_RUNNING = 2;
    static final String NOT_AVAILABLE = "SQL is not available on this member: grid-query (and Hazelcast's SQL engine) is not on its class path";

    private final MonitorState monitor;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    SqlRoutes(MonitorState monitor) {
        this.monitor = monitor;
    }

    /** The answer to {@code /api/sql/running}. */
    record RunningDocument(boolean available, String problem, int maxRows, List<String> statements, List<RunningQuery> queries) {
    }

    /** A running query, as the page lists it. */
    record RunningQuery(String id, String sql, long startedAt, long ageMillis, String origin, long rows, String cancelledBy) {
    }

    /** The answer to {@code /api/sql/run}. */
    record RunDocument(String id, List<String> columns, List<String> types, List<List<String>> rows, int maxRows, boolean complete,
                       List<String> plan, long millis) {
    }

    /** The answer to {@code /api/sql/cancel}. */
    record CancelDocument(String id, boolean cancelled, String by) {
    }

    Object running(Request request) {
        SqlConsole console = monitor.sqlConsole();
        List<String> statements = ReadOnlyStatements.ALLOWED.stream().sorted().toList();
        if (console == null) {
            return new RunningDocument(false, NOT_AVAILABLE, MonitorState.SQL_MAX_ROWS, statements, List.of());
        }
        long now = monitor.now(); // start times are stamped with the wall clock of the member or client running the query
        List<RunningQuery> queries = console.running().stream()
                .map(q -> new RunningQuery(q.id(), q.sql(), q.startedAtMillis(), Math.max(0, now - q.startedAtMillis()), q.origin(), q.rows(),
                        q.cancelledBy()))
                .toList();
        return new RunningDocument(true, null, MonitorState.SQL_MAX_ROWS, statements, queries);
    }

    Object run(Request request) {
        SqlConsole console = available();
        String sql = request.param("sql");
        if (sql == null || sql.isBlank()) {
            throw HttpProblem.badParameter("sql", "parameter 'sql' is missing: give the statement to run, e.g. ?sql=SELECT%201");
        }
        ReadOnlyStatements.check(sql);
        if (!running.tryAcquire()) {
            throw new HttpProblem(503, MAX_RUNNING + " dashboard queries are already running on this member: wait for one to end, "
                    + "or cancel it", null);
        }
        try {
            long start = monitor.now();
            SqlConsole.Rows rows = console.query(sql);
            long millis = monitor.now() - start;
            List<String> plan = "SELECT".equals(ReadOnlyStatements.firstKeyword(sql)) ? plan(console, sql) : List.of();
            return new RunDocument(rows.id(), rows.columns(), rows.types(), rows.rows(), MonitorState.SQL_MAX_ROWS, rows.complete(), plan, millis);
        } catch (SqlConsole.Cancelled e) {
            throw new HttpProblem(409, e.getMessage(), null);
        } catch (GridException e) {
            throw HttpProblem.badParameter("sql", e.getMessage());
        } finally {
            running.release();
        }
    }

    private static List<String> plan(SqlConsole console, String sql) {
        try {
            return console.query("EXPLAIN " + sql).rows().stream().map(row -> row.isEmpty() ? "" : row.get(0)).toList();
        } catch (GridException e) {
            return List.of("(no plan: " + e.getMessage() + ")");
        }
    }

    Object cancel(Request request) {
        SqlConsole console = available();
        String id = request.param("id");
        if (id == null || id.isBlank()) {
            throw HttpProblem.badParameter("id", "parameter 'id' is missing: give the id of the query to cancel (GET /api/sql/running)");
        }
        String by = "the dashboard of member " + monitor.memberAddress();
        if (!console.cancel(id.strip(), by)) {
            throw new HttpProblem(404, "no query " + id.strip() + " is running (it may have ended)", null);
        }
        return new CancelDocument(id.strip(), true, by);
    }

    private SqlConsole available() {
        SqlConsole console = monitor.sqlConsole();
        if (console == null) {
            throw new HttpProblem(503, NOT_AVAILABLE, null);
        }
        return console;
    }
}
