package dev.grid.perf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.perf.bench.impl.BenchJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short {@code grid bench run}: chm and gridmap (embedded, this JVM the only member), about 2 s each. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchRunEndToEndTest {

    @Test
    void shouldRunChmAndGridMapSideBySideAndWriteResults(@TempDir Path out) throws Exception {
        Console console = Console.capture(() -> BenchMain.execute(List.of("run", "--workload", "A,E", "--target", "chm,gridmap",
                "--members", "1", "--records", "2000", "--threads", "2", "--warmup", "0.5s", "--duration", "2s",
                "--partitions", "31", "--out", out.toString()), StopSignal.manual()));
        assertEquals(0, console.code, console.err);
        assertTrue(console.out.contains("ops/s"), "progress lines");

        JsonNode runs = BenchJson.read(Files.readString(out.resolve("results.json")), JsonNode.class).get("runs");
        assertEquals(4, runs.size(), "chm A, chm E, gridmap A, gridmap E");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            String target = run.get("target").asText();
            String workload = run.get("workload").asText();
            if (target.equals("chm") && workload.equals("E")) {
                assertEquals("skipped", run.get("status").asText(), "chm cannot scan");
                assertTrue(run.get("reason").asText().startsWith("unsupported"), run.get("reason").asText());
                continue;
            }
            assertEquals("ok", run.get("status").asText(), target + " " + workload + ": " + run.get("reason"));
            assertTrue(run.get("throughput_ops").asDouble() > 0, target + " " + workload + " throughput");
            assertEquals(0, run.get("errors").asLong(), target + " " + workload + ": " + run.get("first_error"));
            assertEquals(target.equals("chm") ? "in-process" : "embedded", run.get("mode").asText());
        }
        JsonNode gridE = runs.get(3);
        assertTrue(gridE.get("operations_by_type").get("SCAN").get("count").asLong() > 0, "gridmap scans ran");
        assertTrue(Files.readString(out.resolve("report.html")).contains("gridmap embedded"));
    }
}
