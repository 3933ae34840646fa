package dev.grid.perf.bench.report;

import com.hazelcast.internal.json.Json;
import com.hazelcast.internal.json.JsonArray;
import com.hazelcast.internal.json.JsonObject;
import com.hazelcast.internal.json.JsonValue;
import dev.grid.perf.bench.load.LoadRunner;
import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        JsonObject root = Json.parse(Files.readString(dir.resolve("results.json"))).asObject();
        JsonObject machine = root.get("machine").asObject();
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("cores").asInt());
        for (String key : new String[] {"memory", "java", "os"}) {
            assertTrue(machine.get(key).isString() && !machine.get(key).asString().isBlank(), "machine." + key);
        }
        JsonArray runs = root.get("runs").asArray();
        assertEquals(2, runs.size());

        JsonObject run = runs.get(0).asObject();
        assertEquals("chm", run.get("target").asString());
        assertEquals("in-process", run.get("mode").asString());
        assertEquals(1, run.get("members").asInt());
        assertEquals("A", run.get("workload").asString());
        assertEquals(2, run.get("threads").asInt());
        assertEquals("ok", run.get("status").asString());
        assertTrue(run.get("target_ops").isNull(), "max throughput has no target rate");
        assertEquals(m.throughput(), run.get("throughput_ops").asDouble(), 0.01);
        assertTrue(run.get("throughput_ops").asDouble() > 0);
        assertEquals(0, run.get("errors").asLong());
        JsonObject latency = run.get("latency_us").asObject();
        double previous = 0;
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            double v = latency.get(p).asDouble();
            assertTrue(v >= previous && v > 0, p + " = " + v + " must be > 0 and >= the lower percentile");
            previous = v;
        }
        JsonObject byType = run.get("operations_by_type").asObject();
        long reads = byType.get("READ").asObject().get("count").asLong();
        long updates = byType.get("UPDATE").asObject().get("count").asLong();
        assertEquals(m.operations(), reads + updates);
        assertFalse(run.get("timeline").asArray().isEmpty());
        JsonValue curve = run.get("percentile_curve_us");
        assertTrue(curve.asArray().size() > 5, "a percentile curve for the report");

        JsonObject skipped = runs.get(1).asObject();
        assertEquals("skipped", skipped.get("status").asString());
        assertEquals("redis-server not on PATH", skipped.get("reason").asString());
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
