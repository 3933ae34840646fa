package dev.grid.monitor;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.test.TestSources;
import dev.grid.core.config.GridAlertRule;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.MonitoredCluster;
import dev.grid.monitor.test.Promtool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs page's JSON API and the job metrics on a member running a small exactly-once Jet job: {@code /api/jobs}
 * lists it with its throughput (the source's and the sink's items) and last snapshot (its 10 keys), {@code /metrics}
 * reports it (and passes promtool), and POSTs suspend, resume (a new execution: a restart counted) and cancel it; a
 * GET is refused and an unknown job is a 404. An alert rule on {@code grid_job_status{status="FAILED"}}, accepted before
 * any job ran, fires once the job is cancelled.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DashboardJobsApiTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path data;
    private static MonitoredCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new MonitoredCluster(1, data, config -> {
            config.setJetEnabled(true).setHazelcastProperty("hazelcast.metrics.collection.frequency", "1");
            // accepted before any job exists; fires once the job is cancelled
            config.getMonitor().addAlert(new GridAlertRule("job-failed", "grid_job_status{status=\"FAILED\"}", ">", 0).setSeverity("critical"));
        });
        cluster.startMember();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.url(0) + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> listed(String id) {
        for (Object row : (List<?>) cluster.api(0, "api/jobs").get("jobs")) {
            if (id.equals(((Map<?, ?>) row).get("id"))) {
                return (Map<?, ?>) row;
            }
        }
        return null;
    }

    private static long number(Map<?, ?> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    @Test
    void aJobIsListedWithItsFiguresInTheApiAndMetricsAndPostsChangeIt() throws Exception {
        Pipeline pipeline = Pipeline.create();
        // a running count per key of 10: state with 10 keys in every snapshot
        pipeline.readFrom(TestSources.itemStream(200)).withIngestionTimestamps().map(e -> e.sequence() % 10).groupingKey(k -> k)
                .rollingAggregate(AggregateOperations.counting()).writeTo(Sinks.noop());
        Job job = cluster.members.get(0).hazelcast().getJet().newJob(pipeline, new JobConfig().setName("ticks")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(300));
        String id = job.getIdString();

        Map<?, ?> row = await().atMost(WAIT).until(() -> listed(id),
                r -> r != null && "RUNNING".equals(r.get("status")) && number(r, "itemsIn") > 0 && number(r, "itemsOut") > 0
                        && number(r, "lastSnapshotMillis") >= 0 && number(r, "snapshotKeys") >= 10 && number(r, "snapshotBytes") > 0);
        assertEquals("ticks", row.get("name"));
        // items in are what the source vertex emitted, items out what the sink vertex received (not every vertex's sum)
        Map<String, Map<?, ?>> vertices = new HashMap<>();
        ((List<?>) row.get("vertices")).forEach(v -> vertices.put(((Map<?, ?>) v).get("name").toString(), (Map<?, ?>) v));
        assertTrue(vertices.keySet().containsAll(Set.of("itemStream", "map", "noop")), row.toString());
        assertEquals(number(row, "itemsIn"), number(vertices.get("itemStream"), "emitted"), row.toString());
        assertEquals(number(row, "itemsOut"), number(vertices.get("noop"), "received"), row.toString());
        assertEquals(0, number(vertices.get("itemStream"), "received"), row.toString());

        String metrics = await().atMost(WAIT).until(() -> send("GET", "metrics").body(),
                m -> m.contains("grid_job_sink_items_total{") && m.contains("grid_job_snapshot_duration_seconds{"));
        assertTrue(metrics.contains("grid_job_status{id=\"" + id + "\",job=\"ticks\",status=\"RUNNING\"} 1"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("grid_job_source_items_total{id=\"" + id + "\",job=\"ticks\"} ")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0), metrics);
        // the refresh copies the metrics into the counters file, which 'grid stat' and /api/counters read
        await().atMost(WAIT).until(() -> cluster.api(0, "api/counters").toString().contains("grid_job_sink_items_total{id=\"" + id + "\""));
        Path promtool = Promtool.find();
        if (promtool != null) {
            Promtool.Result result = Promtool.checkMetrics(promtool, metrics);
            assertEquals("", result.output(), "promtool check metrics complains");
        }

        assertEquals(405, send("GET", "api/jobs/suspend?id=" + id).statusCode(), "a job action is a POST");
        assertEquals(404, send("POST", "api/jobs/suspend?id=0000-0000-0000-0000").statusCode());
        HttpResponse<String> suspend = send("POST", "api/jobs/suspend?id=" + id);
        assertEquals(200, suspend.statusCode(), suspend.body());
        assertEquals("RUNNING", JsonFields.parseObject(suspend.body()).get("statusBefore"));
        await().atMost(WAIT).until(() -> "SUSPENDED".equals(listed(id).get("status")));
        assertEquals(JobStatus.SUSPENDED, job.getStatus());
        assertEquals(200, send("POST", "api/jobs/resume?id=" + id).statusCode());
        await().atMost(WAIT).until(() -> listed(id), r -> "RUNNING".equals(r.get("status")) && number(r, "restarts") >= 1);
        assertTrue(send("GET", "metrics").body().contains("grid_job_restarts_total{id=\"" + id + "\",job=\"ticks\"} 1"));

        assertEquals(200, send("POST", "api/jobs/cancel?id=" + id).statusCode());
        await().atMost(WAIT).until(() -> listed(id), r -> "FAILED".equals(r.get("status")) && "cancelled by a user".equals(r.get("reason")));
        String ended = await().atMost(WAIT).until(() -> send("GET", "metrics").body(),
                m -> m.contains("grid_job_status{id=\"" + id + "\",job=\"ticks\",status=\"FAILED\"} 1"));
        await().atMost(WAIT).until(() -> ((List<?>) cluster.api(0, "api/alerts?state=firing").get("alerts")).stream()
                .anyMatch(a -> "job-failed".equals(((Map<?, ?>) a).get("rule"))));
        assertTrue(!ended.contains("grid_job_vertex_received_items_total{id=\"" + id + "\"") && ended.contains("grid_job_sink_items_total{id=\"" + id),
                "an ended job reports its status and totals only: " + ended);
        assertTrue(cluster.members.get(0).isRunning());
    }
}
