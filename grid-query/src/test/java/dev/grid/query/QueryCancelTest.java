package dev.grid.query;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfigArguments;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling queries: a stream (it only ends by cancel) run by a client is listed on every session with its origin and
 * rows, cancelled by id from a member's session; its caller gets the message naming who cancelled it, its Jet job ends,
 * it leaves the list, and another stream and other queries go on. A handle cancels from another thread; a finished
 * query is not listed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class QueryCancelTest {
    private static final String STREAM = "SELECT v FROM TABLE(generate_stream(20))";
    private static final String HANDLE_STREAM = "SELECT v FROM TABLE(generate_stream(22))";

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(2).partitions(17).withClient();

    /** @return the SQL light jobs running in Jet with this text (the engine's own view of running queries) */
    static List<Job> sqlJobs(Grid member, String text) {
        List<Job> found = new ArrayList<>();
        for (Job job : member.hazelcast().getJet().getJobs()) {
            try {
                if (job.isLightJob() && job.getConfig().getArgument(JobConfigArguments.KEY_SQL_QUERY_TEXT) instanceof String sql && sql.startsWith(text)) {
                    found.add(job);
                }
            } catch (RuntimeException e) {
                // the job ended while it was looked at
            }
        }
        return found;
    }

    private static Optional<RunningQuery> listed(GridSql sql, String id) {
        return sql.running().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    @Test
    void aClientsStreamIsListedAndCancelledByIdFromAMemberWhileOthersGoOn() throws Exception {
        Grid member = CLUSTER.member(0);
        try (GridSql client = GridSql.on(CLUSTER.client(), 1_000_000, "app", Duration.ZERO); GridSql admin = GridSql.on(member, 100)) {
            QueryHandle stream = client.start(STREAM);
            String other = STREAM.replace("20", "21");
            QueryHandle otherStream = client.start(other);
            CompletableFuture<QueryResult> result = CompletableFuture.supplyAsync(stream::result);
            CompletableFuture<QueryResult> otherResult = CompletableFuture.supplyAsync(otherStream::result);

            RunningQuery running = await().atMost(Duration.ofSeconds(20)).until(() -> listed(admin, stream.id()), q -> q.isPresent() && q.get().rows() > 0)
                    .orElseThrow();
            assertEquals(STREAM, running.sql());
            assertTrue(running.origin().startsWith("app on client 127.0.0.1:"), running.origin());
            assertEquals(null, running.cancelledBy());
            await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(member, STREAM).size() == 1);

            assertTrue(admin.cancel(stream.id(), "the test"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(20, TimeUnit.SECONDS));
            QueryCancelledException cancelled = assertInstanceOf(QueryCancelledException.class, failure.getCause());
            assertEquals("query " + stream.id() + " was cancelled by the test", cancelled.getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(member, STREAM).isEmpty() && listed(admin, stream.id()).isEmpty());

            // the other stream of the same client runs on; so do new queries
            assertFalse(otherResult.isDone());
            assertEquals(1, sqlJobs(member, other).size());
            assertTrue(listed(client, otherStream.id()).isPresent());
            assertEquals(List.of(List.of(1), List.of(2), List.of(3)), client.query("SELECT v FROM TABLE(generate_series(1, 3))").rows());
            assertFalse(admin.cancel(stream.id()), "an ended query is no longer running");

            assertTrue(client.cancel(otherStream.id()));
            ExecutionException second = assertThrows(ExecutionException.class, () -> otherResult.get(20, TimeUnit.SECONDS));
            assertTrue(second.getCause().getMessage().matches("query " + otherStream.id() + " was cancelled by app on client 127\\.0\\.0\\.1:\\d+"),
                    second.getCause().getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(member, other).isEmpty());
        }
    }

    @Test
    void aHandleCancelsItsQueryFromAnotherThread() {
        Grid member = CLUSTER.member(1);
        try (GridSql sql = GridSql.on(member, 1_000_000)) {
            QueryHandle stream = sql.start(HANDLE_STREAM);
            CompletableFuture<QueryResult> result = CompletableFuture.supplyAsync(stream::result);
            await().atMost(Duration.ofSeconds(20)).until(() -> listed(sql, stream.id()).map(q -> q.rows() > 0).orElse(false));
            assertEquals(1, sqlJobs(member, HANDLE_STREAM).size());
            stream.cancel("another thread");
            ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(20, TimeUnit.SECONDS));
            assertEquals("query " + stream.id() + " was cancelled by another thread", failure.getCause().getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(member, HANDLE_STREAM).isEmpty());
            assertTrue(listed(sql, stream.id()).isEmpty());
        }
    }

    @Test
    void aClientsStreamThatNeverSendsARowIsCancelledToo() {
        String silent = "SELECT v FROM TABLE(generate_stream(50)) WHERE v < 0";
        try (GridSql sql = GridSql.on(CLUSTER.client(), 10)) {
            QueryHandle stream = sql.start(silent);
            CompletableFuture<QueryResult> result = CompletableFuture.supplyAsync(stream::result);
            await().atMost(Duration.ofSeconds(20)).until(() -> sqlJobs(CLUSTER.member(0), silent).size() == 1);
            stream.cancel("the test");
            ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(20, TimeUnit.SECONDS));
            assertEquals("query " + stream.id() + " was cancelled by the test", failure.getCause().getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(CLUSTER.member(0), silent).isEmpty());
        }
    }

    @Test
    void aFinishedQueryIsNotListedAndACancelledOneDoesNotRun() {
        try (GridSql sql = GridSql.on(CLUSTER.client(), 10)) {
            QueryHandle handle = sql.start("SELECT v FROM TABLE(generate_series(1, 20))");
            QueryResult result = handle.result();
            assertEquals(10, result.rows().size());
            assertFalse(result.complete());
            assertTrue(sql.running().stream().noneMatch(q -> q.id().equals(handle.id())), "finished, still listed: " + sql.running());
            assertFalse(sql.cancel(handle.id()));
            assertThrows(IllegalStateException.class, handle::result);

            QueryHandle early = sql.start("SELECT 1");
            early.cancel("nobody in particular");
            assertEquals("query " + early.id() + " was cancelled by nobody in particular",
                    assertThrows(QueryCancelledException.class, early::result).getMessage());
        }
    }
}
