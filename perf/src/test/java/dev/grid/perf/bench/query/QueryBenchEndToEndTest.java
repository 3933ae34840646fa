package dev.grid.perf.bench.query;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid bench query} with 2,000 entries on one member JVM of 23 partitions, the harness its client, runs of 300 ms: every operation
 * measured on both maps (export and DuckDB on their own), every answer checked against the data (a wrong one would fail
 * its run and the exit code), results.json and report.html written, no member left. Its fixed costs (a member JVM with Jet,
 * the first SQL queries, DuckDB's native library, the first export) took 30-60 s on the shared 2-core machine at load
 * averages of 12-20, so it runs in the {@code faults} step ({@code mvn verify -Dgroups=faults}), not the default suite.
 */
@Tag("faults")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryBenchEndToEndTest {

    @Test
    void shouldMeasureEveryOperationOnBothMapsWithTheSameAnswers(@TempDir Path out) throws Exception {
        QueryOptions options = QueryArguments.parse(List.of("--entries", "2000", "--members", "1", "--partitions", "23", "--categories", "10", "--warmup", "0s",
                "--settle", "1s", "--duration", "300ms", "--server-heap", "512m", "--out", out.toString()));
        QueryCommand command = new QueryCommand(options, StopSignal.manual(), "grid bench query (test)");
        int exit = command.run();
        List<QueryRun> runs = command.runs();
        for (QueryRun r : runs) {
            assertEquals(QueryRun.OK, r.status(), r.toString());
            assertTrue(r.calls() > 0 && r.opsPerSecond() > 0, r.toString());
        }
        assertEquals(0, exit, "exit code");

        JsonNode query = BenchJson.read(Files.readString(out.resolve("results.json")), JsonNode.class).get("query");
        Set<String> measured = new HashSet<>();
        query.get("runs").forEach(r -> measured.add(r.get("operation").asText() + " " + r.get("system").asText()));
        for (String op : List.of("equality", "range", "sum-api", "sum-sql", "group-by-sql")) {
            assertTrue(measured.contains(op + " gridmap") && measured.contains(op + " imap"), op + ": " + measured);
        }
        assertTrue(measured.contains("export gridmap") && measured.contains("group-by-offline duckdb"), measured.toString());
        assertEquals(12, query.get("runs").size(), measured.toString());
        assertEquals(1.0, query.get("options").get("settle_s").asDouble(), "settle_s");
        assertTrue(query.get("settings").get("settle").asText().contains("sum-sql gridmap"), "the calls made while settling: "
                + query.get("settings"));
        assertEquals(6, query.get("ratios").size(), "gridmap/imap for five operations, duckdb/live for one: " + query.get("ratios"));
        assertNotNull(query.get("runs").get(0).get("latency_us").get("p99"));
        assertTrue(query.get("runs").get(10).get("rows_per_s").asDouble() > 0, "export rows/s");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Latency distribution") && html.contains("Throughput over time"), "charts");
        assertTrue(ChildProcesses.alivePids().isEmpty(), "no member left: " + ChildProcesses.alivePids());
    }
}
