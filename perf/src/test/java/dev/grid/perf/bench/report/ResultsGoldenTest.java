package dev.grid.perf.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.core.test.GoldenFiles;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.test.FixedMachine;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Operation;
import dev.grid.perf.bench.ycsb.Workload;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * results.json written from fixed measurements (histograms of fixed latencies, a fixed timeline and machine),
 * compared byte for byte with its golden file: every field name, the order, the shapes, the number formats.
 */
@Timeout(30)
class ResultsGoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @Test
    void shouldWriteResultsJsonAsTheGoldenFile(@TempDir Path dir) throws Exception {
        Results results = new Results("grid bench run --workload A,C --target chm,gridmap", "2026-12-04T10:15:30Z", FixedMachine.describe());
        LoadSpec max = new LoadSpec(Workload.A, Distribution.ZIPFIAN, 0.99, 1000, 10, 100, 8, Duration.ofSeconds(2), Duration.ofSeconds(3),
                0, 42);
        LoadSpec fixedRate = new LoadSpec(Workload.C, Distribution.UNIFORM, 0.99, 1000, 10, 100, 4, Duration.ZERO,
                Duration.ofMillis(2500), 2000, 42);
        results.add(new RunResult("chm", "in-process", 1, max, RunResult.Status.OK, null, measurement(false)));
        results.add(new RunResult("gridmap", "embedded", 3, fixedRate, RunResult.Status.INTERRUPTED, "stopped after 1.5 s measured",
                measurement(true)));
        results.add(new RunResult("redis", "server", 1, max, RunResult.Status.SKIPPED, "redis-server not on PATH", null));
        results.add(new RunResult("imap", "client", 3, max, RunResult.Status.FAILED, "java.lang.IllegalStateException: no members", null));
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("target", "grid");
        lock.put("status", "ok");
        results.addExtra("lock", List.of(lock), "grid bench lock", "grid ok");
        results.write(dir);
        GoldenFiles.assertMatches("results.json", Files.readString(dir.resolve("results.json")));
    }

    /**
     * results.json as it was before doubles were written in full (rounded to three decimals) is the same document:
     * the same fields in the same order, and every number the same once rounded.
     */
    @Test
    void shouldDifferFromTheThreeDecimalFormatOnlyInPrecision() throws Exception {
        JsonNode full = BenchJson.read(Files.readString(GOLDEN.resolve("results.json")), JsonNode.class);
        JsonNode rounded = BenchJson.read(Files.readString(GOLDEN.resolve("results-three-decimals.json")), JsonNode.class);
        assertSameButPrecision("", rounded, full);
    }

    @Test
    void shouldWriteAnOperationTypeThatOnlyFailedAndOtherStepsAsTheGoldenFile(@TempDir Path dir) throws Exception {
        Results results = new Results("grid bench all --out perf/results", "2026-12-04T10:15:30Z", FixedMachine.describe());
        LoadSpec d = new LoadSpec(Workload.D, Distribution.LATEST, 0.99, 1000, 10, 100, 2, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 7);
        Histogram reads = histogram();
        reads.recordValue(12_345);
        Map<Operation, Histogram> byOperation = new LinkedHashMap<>();
        byOperation.put(Operation.READ, reads);
        Map<Operation, Long> errors = new LinkedHashMap<>();
        errors.put(Operation.INSERT, 3L);
        results.add(new RunResult("imap", "client", 1, d, RunResult.Status.OK, null, new Measurement(0.5, 1.0, byOperation, reads, errors,
                List.of(), "com.hazelcast.core.HazelcastException: full", false, false)));
        results.addExtra("heap_markdown", "| what | GridMap |\n| --- | ---: |\n", "grid bench heap", "heap");
        results.addStep("jmh", "grid bench jmh LocalGetBenchmark", "ok: figures in jmh.json");
        results.write(dir);
        GoldenFiles.assertMatches("results-failed-type-and-steps.json", Files.readString(dir.resolve("results.json")));
    }

    private static void assertSameButPrecision(String path, JsonNode expected, JsonNode actual) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), path);
        if (expected.isNumber()) {
            assertEquals(expected.asDouble(), Math.round(actual.asDouble() * 1000) / 1000.0, path);
        } else if (expected.isContainerNode()) {
            assertEquals(fieldNames(expected), fieldNames(actual), path);
            assertEquals(expected.size(), actual.size(), path);
            for (int i = 0; i < expected.size(); i++) {
                String name = expected.isObject() ? fieldNames(expected).get(i) : null;
                assertSameButPrecision(path + "/" + (name != null ? name : i), name != null ? expected.get(name) : expected.get(i),
                        name != null ? actual.get(name) : actual.get(i));
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Reads of 10.137-37.4 µs and updates of 51.013-252.6 µs, a timeline of three seconds, two update errors. */
    private static Measurement measurement(boolean fixedRate) {
        Histogram reads = histogram();
        Histogram updates = histogram();
        for (int i = 1; i <= 200; i++) {
            reads.recordValue(10_000 + i * 137L);
            updates.recordValue(50_000 + i * 1_013L);
        }
        Histogram all = histogram();
        all.add(reads);
        all.add(updates);
        Map<Operation, Histogram> byOperation = new LinkedHashMap<>();
        byOperation.put(Operation.READ, reads);
        byOperation.put(Operation.UPDATE, updates);
        Map<Operation, Long> errors = new LinkedHashMap<>();
        errors.put(Operation.UPDATE, 2L);
        List<Progress> timeline = List.of(new Progress(1.0, true, 1234.5, 41.2, 0), new Progress(2.0, false, 1500.25, 250.875, 1),
                new Progress(3.004, false, 1499.0, 252.671, 2));
        return new Measurement(0.75, 2.5, byOperation, all, errors, timeline, "java.lang.IllegalStateException: <boom> & \"quoted\"\n\tat x",
                fixedRate, fixedRate);
    }

    private static Histogram histogram() {
        return new Histogram(1, TimeUnit.HOURS.toNanos(1), 3);
    }
}
