package dev.grid.perf.bench.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.bench.targets.ChildProcesses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid bench stream --quick} shrunk further (20,000 events, 2 member JVMs of 23 partitions, latency runs of 1 s +
 * 2 s at a fixed 1,000 events/s): both systems' throughput and latency runs measured, each with every window result
 * checked against the events (grid's must be right; the IMap journal's, short in most runs here, must be right or
 * fail naming the difference, and the exit code must say which), results.json and report.html written, no member left. Its fixed costs (two member JVMs
 * with Jet, four jobs) take about a minute and a half on the shared 2-core machine, so it runs in the {@code faults}
 * step ({@code mvn verify -Dgroups=faults}), not the default suite.
 */
@Tag("faults")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StreamBenchEndToEndTest {

    @Test
    void shouldMeasureBothPipelinesAndCheckEveryResult(@TempDir Path out) throws Exception {
        StreamOptions options = StreamArguments.parse(List.of("--quick", "--records", "20000", "--members", "2", "--partitions", "23",
                "--warmup", "1s", "--duration", "2s", "--rate", "1000", "--server-heap", "512m", "--out", out.toString()));
        StreamCommand command = new StreamCommand(options, StopSignal.manual(), "grid bench stream (test)");
        int exit = command.run();
        List<StreamRun> runs = command.runs();
        assertEquals(4, runs.size(), runs.toString());
        for (StreamRun r : runs) {
            assertTrue(r.eventsPerSecond() > 0 && r.windows() > 0, r.toString());
            if (r.system().equals(StreamSystem.GRID.label())) {
                assertEquals(StreamRun.OK, r.status(), r.toString());
            } else {
                // the journal pipeline's sums came out short in most runs on the shared machine (docs/bench.md), and its
                // sets failed as indeterminate under load once: what this test asks of it is that it was measured and
                // checked, and that a difference or a failed append fails it by name
                assertTrue(r.ok() || r.reason().contains("differ from") || r.reason().contains("not in the sink")
                        || r.reason().contains("appends failed"), r.toString());
            }
        }
        assertEquals(runs.stream().allMatch(StreamRun::ok) ? 0 : 1, exit, "exit code");

        JsonNode stream = BenchJson.read(Files.readString(out.resolve("results.json")), JsonNode.class).get("stream");
        Set<String> measured = new HashSet<>();
        stream.get("runs").forEach(r -> measured.add(r.get("system").asText() + " " + r.get("scenario").asText()));
        assertEquals(Set.of("grid throughput", "imap-journal throughput", "grid latency", "imap-journal latency"), measured);
        assertEquals(2, stream.get("goals").size(), "the throughput ratio (noted when the journal's run failed) and grid's p99: "
                + stream.get("goals"));
        JsonNode latency = stream.get("runs").get(2);
        assertTrue(latency.get("window_latency_us").get("count").asLong() > 0, latency.toString());
        assertTrue(latency.get("event_latency_us").get("p99").asDouble() >= latency.get("window_latency_us").get("p50").asDouble(),
                "an event waits for its window: " + latency);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Latency distribution") && html.contains("Throughput over time"), "charts");
        assertTrue(ChildProcesses.alivePids().isEmpty(), "no member left: " + ChildProcesses.alivePids());
    }
}
