package dev.grid.monitor;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfigArguments;
import dev.grid.core.Grid;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.MonitoredCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query page's JSON API on a member with grid-query: a SELECT answers its rows and plan, a bad statement the
 * engine's error with its line and column (400), a stream run from the page is listed while it runs and a POST cancels
 * it: its request answers 409 naming who cancelled it, it leaves the list and its Jet job ends.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DashboardSqlApiTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    static Path data;
    private static MonitoredCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new MonitoredCluster(1, data, config -> config.setJetEnabled(true));
        cluster.startMember();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url(0) + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String run(String sql) {
        return "api/sql/run?sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    static long sqlJobs(Grid member, String text) {
        long n = 0;
        for (Job job : member.hazelcast().getJet().getJobs()) {
            try {
                if (job.isLightJob() && text.equals(job.getConfig().getArgument(JobConfigArguments.KEY_SQL_QUERY_TEXT))) {
                    n++;
                }
            } catch (RuntimeException e) {
                // ended meanwhile
            }
        }
        return n;
    }

    @Test
    void aSelectAnswersRowsAndPlanAndABadOneTheEnginesError() throws Exception {
        HttpResponse<String> ok = send("GET", run("SELECT v, v * 2 AS twice FROM TABLE(generate_series(1, 250))"));
        assertEquals(200, ok.statusCode(), ok.body());
        Map<String, Object> doc = JsonFields.parseObject(ok.body());
        assertEquals(List.of("v", "twice"), doc.get("columns"));
        List<?> rows = (List<?>) doc.get("rows");
        assertEquals(200, rows.size(), "bounded at the page's 200 rows");
        assertEquals(List.of("1", "2"), rows.get(0));
        assertEquals(false, doc.get("complete"));
        List<?> plan = (List<?>) doc.get("plan");
        assertFalse(plan.isEmpty(), doc.toString());
        assertFalse(plan.get(0).toString().startsWith("(no plan"), plan.toString());

        HttpResponse<String> bad = send("GET", run("SELECT v FROM TABLE(generate_series(1, 3)) WHERE WHERE"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(JsonFields.parseObject(bad.body()).get("error").toString().contains("line 1, column"), bad.body());
        HttpResponse<String> missing = send("GET", run("SELECT * FROM nowhere"));
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("nowhere"), missing.body());
        HttpResponse<String> write = send("GET", run("CREATE MAPPING m TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='int')"));
        assertEquals(400, write.statusCode(), write.body());
    }

    @Test
    void aStreamRunFromThePageIsListedAndAPostCancelsIt() throws Exception {
        String stream = "SELECT v FROM TABLE(generate_stream(1))";
        CompletableFuture<HttpResponse<String>> running = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(cluster.url(0) + run(stream)))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<?, ?> listed = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<?> queries = (List<?>) cluster.api(0, "api/sql/running").get("queries");
            return queries.isEmpty() ? null : (Map<?, ?>) queries.get(0);
        }, q -> q != null);
        assertEquals(stream, listed.get("sql"));
        String address = cluster.members.get(0).localMember().orElseThrow().address();
        assertEquals("dashboard on member " + address, listed.get("origin"));
        assertEquals(1, sqlJobs(cluster.members.get(0), stream));
        String id = listed.get("id").toString();

        assertEquals(405, send("GET", "api/sql/cancel?id=" + id).statusCode(), "a cancel is a POST");
        assertFalse(running.isDone());
        HttpResponse<String> cancel = send("POST", "api/sql/cancel?id=" + id);
        assertEquals(200, cancel.statusCode(), cancel.body());
        HttpResponse<String> answer = running.get(30, TimeUnit.SECONDS);
        assertEquals(409, answer.statusCode(), answer.body());
        assertEquals("query " + id + " was cancelled by the dashboard of member " + address, JsonFields.parseObject(answer.body()).get("error"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sqlJobs(cluster.members.get(0), stream) == 0
                && ((List<?>) cluster.api(0, "api/sql/running").get("queries")).isEmpty());
        assertEquals(404, send("POST", "api/sql/cancel?id=" + id).statusCode(), "it has ended");
        assertEquals(200, send("GET", run("SELECT 1")).statusCode(), "the page runs queries after a cancel");
    }
}
