package dev.grid.perf.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.load.LoadRunner;
import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ResultsJsonTest {

    @Test
    void shouldWriteResultsJsonThatParsesBackWithEveryField(@TempDir Path dir) throws Exception {
        LoadSpec spec = new LoadSpec(Workload.A, Distribution.ZIPFIAN, 0.99, 1000, 2, 10, 2, Duration.ofMillis(200),
                Duration.ofMillis(800), 0, 1);
        Measurement m = new LoadRunner(new MapTarget(), spec, p -> { }, () -> false, "json").run();
        Results results = new Results("grid bench run --test", "2026-01-01T00:00:00Z");
        results.add(new RunResult("chm", "in-process", 1, spec, RunResult.Status.OK, null, m));
        results.add(new RunResult("redis", "server", 1, spec, RunResult.Status.SKIPPED, "redis-server not on PATH", null));
        results.write(dir);

        JsonNode root = BenchJson.read(Files.readString(dir.resolve("results.json")), JsonNode.class);
        JsonNode machine = root.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("cores").asInt());
        for (String key : new String[] {"memory", "java", "os"}) {
            assertTrue(machine.get(key).isTextual() && !machine.get(key).asText().isBlank(), "machine." + key);
        }
        JsonNode runs = root.get("runs");
        assertEquals(2, runs.size());

        JsonNode run = runs.get(0);
        assertEquals("chm", run.get("target").asText());
        assertEquals("in-process", run.get("mode").asText());
        assertEquals(1, run.get("members").asInt());
        assertEquals("A", run.get("workload").asText());
        assertEquals(2, run.get("threads").asInt());
        assertEquals("ok", run.get("status").asText());
        assertTrue(run.get("target_ops").isNull(), "max throughput has no target rate");
        assertEquals(m.throughput(), run.get("throughput_ops").asDouble(), 0.01);
        assertTrue(run.get("throughput_ops").asDouble() > 0);
        assertEquals(0, run.get("errors").asLong());
        JsonNode latency = run.get("latency_us");
        double previous = 0;
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            double v = latency.get(p).asDouble();
            assertTrue(v >= previous && v > 0, p + " = " + v + " must be > 0 and >= the lower percentile");
            previous = v;
        }
        JsonNode byType = run.get("operations_by_type");
        long reads = byType.get("READ").get("count").asLong();
        long updates = byType.get("UPDATE").get("count").asLong();
        assertEquals(m.operations(), reads + updates);
        assertFalse(run.get("timeline").isEmpty());
        JsonNode curve = run.get("percentile_curve_us");
        assertTrue(curve.size() > 5, "a percentile curve for the report");

        JsonNode skipped = runs.get(1);
        assertEquals("skipped", skipped.get("status").asText());
        assertEquals("redis-server not on PATH", skipped.get("reason").asText());
        assertTrue(skipped.get("throughput_ops").isNull());

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg"), "inline SVG charts");
        assertTrue(html.contains("Latency by percentile") && html.contains("Throughput over time"), "both line charts");
        assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"),
                "self-contained: no scripts, no external files");
    }

    /** A ConcurrentHashMap behind the target interface. */
    private static final class MapTarget implements BenchTarget {
        private final Map<String, byte[]> map = new ConcurrentHashMap<>();

        @Override
        public byte[] read(String key) {
            return map.get(key);
        }

        @Override
        public void update(String key, byte[] record) {
            map.put(key, record);
        }

        @Override
        public void insert(String key, byte[] record) {
            map.put(key, record);
        }

        @Override
        public void load(Map<String, byte[]> records) {
            map.putAll(records);
        }

        @Override
        public int scan(String startKey, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String scanSupport() {
            return "no scans";
        }

        @Override
        public void close() {
            map.clear();
        }
    }
}
