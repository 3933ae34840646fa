package dev.grid.query;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfigArguments;
import com.hazelcast.sql.HazelcastSqlException;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import com.hazelcast.sql.SqlRowMetadata;
import com.hazelcast.sql.SqlService;
import com.hazelcast.sql.SqlStatement;
import dev.grid.core.GridException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A statement of {@link GridSql} on the live cluster: runs it through Hazelcast's SQL engine and reads its rows. While
 * it runs it is listed in the cluster's {@link QueryRegistry}.
 *
 * <p>On a member it is cancelled by closing its {@link SqlResult}, which cancels the query and its Jet job on every
 * member. A client cannot do that from another thread: Hazelcast 5.7's client result sends its close request while
 * holding the lock a page arriving meanwhile needs, and the client's network thread then waits for it until the
 * connection times out. So on a client the statement's text carries its id in a trailing comment, and a cancel finds
 * the query's Jet job by that text and cancels it; the reading thread then fails at once, and closes the result
 * itself.
 */
final class LiveQuery implements QueryHandle {
    private final String id;
    private final String sql;
    private final String statement;
    private final SqlService engine;
    private final JetService jet;
    private final QueryRegistry registry;
    private final int maxRows;
    private final long timeoutMillis;
    /** How often a client looks for its query's job, {@value QueryRegistry#RETRY_MILLIS} ms apart. */
    private static final int CANCEL_ATTEMPTS = 50;
    private final AtomicLong rows = new AtomicLong();
    private Instant startedAt;
    private boolean started;
    private boolean ended;
    private SqlResult result;
    private String cancelledBy;

    /**
     * @param jet the client's Jet service, to cancel the query's job; null on a member, which closes the result
     */
    LiveQuery(String id, String sql, SqlService engine, JetService jet, QueryRegistry registry, int maxRows, long timeoutMillis) {
        this.id = id;
        this.sql = sql;
        this.engine = engine;
        this.jet = jet;
        this.registry = registry;
        this.maxRows = maxRows;
        this.timeoutMillis = timeoutMillis;
        String text = sql.strip();
        if (text.endsWith(";")) { // as a shell or a script ends it; Hazelcast's parser refuses it
            text = text.substring(0, text.length() - 1);
        }
        this.statement = jet == null ? text : text + "\n/* grid-query " + id + " */";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String sql() {
        return sql;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    long rowsRead() {
        return rows.get();
    }

    @Override
    public QueryResult result() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("query " + id + " has already run: start it again");
            }
            started = true;
            startedAt = Instant.now();
            if (cancelledBy != null) {
                ended = true;
                throw new QueryCancelledException(id, cancelledBy, null);
            }
        }
        try {
            registry.register(this);
            SqlStatement request = new SqlStatement(statement);
            if (timeoutMillis > 0 && isSelect(statement)) { // the engine refuses a timeout on other statements (EXPLAIN, DDL)
                request.setTimeoutMillis(timeoutMillis);
            }
            try (SqlResult running = engine.execute(request)) {
                attach(running);
                return read(running);
            }
        } catch (RuntimeException e) {
            String by = cancelledBy();
            if (by != null) {
                throw new QueryCancelledException(id, by, e);
            }
            if (e instanceof HazelcastSqlException) {
                throw new GridException(e.getMessage(), e);
            }
            throw e;
        } finally {
            synchronized (this) {
                ended = true;
                result = null;
            }
            registry.unregister(this);
        }
    }

    /** @return whether the statement is a query (its first word, after comments and parentheses, is SELECT) */
    static boolean isSelect(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return sql.regionMatches(true, i, "SELECT", 0, 6);
    }

    private QueryResult read(SqlResult running) {
        if (!running.isRowSet()) {
            return new QueryResult(List.of(), List.of(), List.of());
        }
        SqlRowMetadata metadata = running.getRowMetadata();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int c = 0; c < metadata.getColumnCount(); c++) {
            columns.add(metadata.getColumn(c).getName());
            types.add(metadata.getColumn(c).getType().name());
        }
        List<List<Object>> read = new ArrayList<>();
        Iterator<SqlRow> iterator = running.iterator();
        while (read.size() < maxRows && iterator.hasNext()) {
            SqlRow row = iterator.next();
            List<Object> values = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                values.add(row.getObject(c));
            }
            read.add(Collections.unmodifiableList(values));
            rows.incrementAndGet();
        }
        String by = cancelledBy();
        if (by != null) { // cancelled after the last row it read: the rows may be incomplete all the same
            throw new QueryCancelledException(id, by, null);
        }
        // at the limit, asking for one more row would wait for it, forever on a stream: the query is cancelled instead
        boolean complete = read.size() < maxRows;
        return new QueryResult(List.copyOf(columns), List.copyOf(types), Collections.unmodifiableList(read), complete);
    }

    private void attach(SqlResult running) {
        boolean cancel;
        synchronized (this) {
            result = running;
            cancel = cancelledBy != null;
        }
        if (cancel) {
            running.close();
        }
    }

    private synchronized String cancelledBy() {
        return cancelledBy;
    }

    @Override
    public void cancel(String by) {
        SqlResult running;
        boolean executing;
        synchronized (this) {
            if (ended || cancelledBy != null) {
                return;
            }
            cancelledBy = by == null || by.isBlank() ? "an unnamed caller" : by;
            running = result;
            executing = started;
        }
        if (jet != null) {
            // a client's execute waits for the first page, which a stream without rows never sends: its job is cancelled
            if (executing) {
                QueryRegistry.schedule(() -> cancelJob(CANCEL_ATTEMPTS));
            }
        } else if (running != null) {
            running.close(); // cancels the query on every member; the reading thread's hasNext() fails
        } // else not executed yet: it closes its result as soon as it has one (a member's execute returns at once)
    }

    /** Cancels the client's query through its Jet job, found by its text; tries again while the job has not appeared. */
    private void cancelJob(int attemptsLeft) {
        synchronized (this) {
            if (ended) {
                return;
            }
        }
        boolean found = false;
        for (Job job : jet.getJobs()) {
            try {
                if (job.isLightJob() && statement.equals(job.getConfig().getArgument(JobConfigArguments.KEY_SQL_QUERY_TEXT))) {
                    job.cancel();
                    found = true;
                }
            } catch (RuntimeException e) {
                // the job ended while it was looked at
            }
        }
        if (!found && attemptsLeft > 1) {
            QueryRegistry.schedule(() -> cancelJob(attemptsLeft - 1));
        }
    }
}
