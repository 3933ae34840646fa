package dev.grid.perf.bench.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.bench.targets.ChildProcesses;
import dev.grid.perf.bench.targets.Executables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid bench log} with tiny numbers against one Kafka broker and Redis (when {@code redis-server} is on the PATH;
 * otherwise its runs must say skipped, and why), and against one grid member through a grid client: every run
 * measured, results.json and report.html written, no process left. About 25 s, so it runs in the {@code faults} step
 * ({@code mvn verify -Dgroups=faults}) with {@code QueryBenchEndToEndTest}, not in the default suite, which must stay
 * under 10 minutes on 2 cores; tagged {@code kafka} too, like {@link KafkaClusterTest}.
 */
@Tag("kafka")
@Tag("faults")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LogBenchEndToEndTest {

    @Test
    void shouldMeasureKafkaAndRedisSideBySide(@TempDir Path out) throws Exception {
        List<LogRun> runs = run("kafka,redis", out);
        assertEquals(8, runs.size(), "2 produce, 1 consume, 1 latency for each (the settle run is not reported): " + runs);
        boolean redis = Executables.onPath("redis-server") != null;
        for (LogRun r : runs) {
            if (r.system().equals("redis") && !redis) {
                assertEquals(LogRun.SKIPPED, r.status(), r.toString());
                assertTrue(r.reason().contains("redis-server is not on the PATH"), r.reason());
                continue;
            }
            assertEquals(LogRun.OK, r.status(), r.toString());
            assertEquals(0, r.errors(), r.toString());
            assertTrue(r.recordsPerSecond() > 0, r.toString());
            if (r.scenario().equals(LogRuns.LATENCY)) {
                assertEquals(2_000, r.latency().count(), "1 s at 2,000/s measured: " + r);
                assertEquals(0L, r.undelivered());
            } else {
                assertEquals(5_000, r.records(), r.toString());
            }
        }
        JsonNode json = BenchJson.read(Files.readString(out.resolve("results.json")), JsonNode.class);
        assertEquals(8, json.get("log").get("runs").size());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Throughput over time"));
        assertTrue(ChildProcesses.alivePids().isEmpty(), "no server left: " + ChildProcesses.alivePids());
    }

    @Test
    void shouldMeasureGridLogFromAClient(@TempDir Path out) throws Exception {
        List<LogRun> runs = run("grid", out);
        assertEquals(4, runs.size(), runs.toString());
        for (LogRun r : runs) {
            assertEquals(LogRun.OK, r.status(), r.toString());
            assertEquals(0, r.errors(), r.toString());
            assertEquals(r.scenario().equals(LogRuns.LATENCY) ? 2_000 : 5_000, r.records(), r.toString());
        }
        assertTrue(ChildProcesses.alivePids().isEmpty(), "no member left: " + ChildProcesses.alivePids());
    }

    private static List<LogRun> run(String systems, Path out) throws Exception {
        LogOptions options = LogArguments.parse(List.of("--systems", systems, "--topologies", "single", "--records", "5000",
                "--partitions", "1,2", "--rates", "2000", "--warmup", "0s", "--settle", "1s", "--duration", "1s", "--server-heap", "512m", "--out", out.toString()));
        LogCommand command = new LogCommand(options, StopSignal.manual(), "grid bench log (test)");
        assertEquals(0, command.run(), "exit code");
        return command.runs();
    }
}
