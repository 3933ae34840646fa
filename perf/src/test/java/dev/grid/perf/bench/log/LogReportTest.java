package dev.grid.perf.bench.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.perf.bench.impl.BenchJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary table, results.json's log section and the report's charts, from fixed runs. */
class LogReportTest {
    private static final List<LogRun.Point> TIMELINE = List.of(new LogRun.Point(0.1, 100_000, null, null), new LogRun.Point(0.2, 120_000, null, null));

    private static LogRun produce(String system, double perSecond) {
        return new LogRun(system, "replicated", LogRuns.PRODUCE, 8, null, LogRun.OK, null, 1_000_000, 1_000_000 / perSecond, perSecond, 0, null,
                null, null, null, TIMELINE, null);
    }

    private static LogRun latency(String system, double p99) {
        LogRun.Latency l = new LogRun.Latency(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3, p99 / 3, 200_000);
        return new LogRun(system, "replicated", LogRuns.LATENCY, 1, 10_000.0, LogRun.OK, null, 200_000, 20, 10_000, 0, null, l, 0L, 0.1,
                List.of(new LogRun.Point(1, 10_000, p99, true), new LogRun.Point(2, 10_000, p99, false)),
                List.of(new LogRun.CurvePoint(0, p99 / 10), new LogRun.CurvePoint(50, p99 / 4), new LogRun.CurvePoint(99, p99)));
    }

    private static final List<LogRun> RUNS = List.of(produce("grid", 150_000), produce("kafka", 300_000),
            LogRun.unmeasured(LogSystem.REDIS, Topology.SINGLE, LogRuns.PRODUCE, 8, null, LogRun.SKIPPED, "redis-server is not on the PATH"),
            latency("grid", 2_000), latency("kafka", 4_000));

    @Test
    void tableShouldPutSystemsSideBySideWithTheirRatio() {
        String table = LogReport.table(RUNS, List.of(LogSystem.GRID, LogSystem.KAFKA, LogSystem.REDIS));
        String produceLine = table.lines().filter(l -> l.startsWith("replicated  produce, 8 partitions")).findFirst().orElseThrow();
        assertTrue(produceLine.contains("150,000") && produceLine.contains("300,000") && produceLine.endsWith("0.50x"), produceLine);
        assertTrue(table.contains("grid/kafka p99: 0.50x"), table);
        assertTrue(table.contains("redis single: skipped: redis-server is not on the PATH"), table);
    }

    @Test
    void documentShouldHoldRunsSettingsAndRatios() {
        LogOptions options = LogArguments.parse(List.of("--quick", "--out", "x"));
        LogReport.Document doc = LogReport.document(options, Map.of("kafka", Map.of("replicated", Map.of("producer", "acks=all"))), RUNS);
        JsonNode json = BenchJson.read(BenchJson.write(doc), JsonNode.class);
        assertEquals(5, json.get("runs").size());
        assertEquals("produce", json.get("runs").get(0).get("scenario").asText());
        assertEquals(150_000, json.get("runs").get(0).get("records_per_s").asDouble());
        assertEquals("skipped", json.get("runs").get(2).get("status").asText());
        assertEquals(4_000, json.get("runs").get(4).get("latency_us").get("p99").asDouble());
        assertEquals(2, json.get("runs").get(4).get("percentile_curve_us").get(2).size());
        JsonNode ratios = json.get("grid_over_kafka");
        assertEquals(2, ratios.size());
        assertEquals("records_per_s", ratios.get(0).get("metric").asText());
        assertEquals(0.5, ratios.get(0).get("ratio").asDouble(), 1e-9);
        assertEquals("p99_us", ratios.get(1).get("metric").asText());
        assertEquals("acks=all", json.get("settings").get("kafka").get("replicated").get("producer").asText());
        assertTrue(json.get("options").get("quick").asBoolean());
    }

    @Test
    void chartsShouldAverageLongTimelinesIntoFewerPoints() {
        List<LogRun.Point> timeline = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            timeline.add(new LogRun.Point(i / 10.0, i % 2 == 0 ? 300_000 : 100_000, null, null));
        }
        List<double[]> points = LogReport.smooth(timeline);
        assertEquals(34, points.size(), "groups of 3 samples");
        assertEquals(0.3, points.get(0)[0], 1e-9);
        assertEquals(500_000 / 3.0, points.get(0)[1], 1e-6, "(100k + 300k + 100k) / 3");
        assertEquals(10.0, points.get(33)[0], 1e-9, "the last, shorter group ends with the run");
        assertEquals(3, LogReport.smooth(TIMELINE.subList(0, 2)).size() + 1, "short timelines are kept as they are");
    }

    @Test
    void htmlShouldChartThroughputOverTimeAndLatencyDistributions() {
        LogOptions options = LogArguments.parse(List.of("--out", "x"));
        String html = LogReport.html(LogReport.document(options, Map.of(), RUNS), options.systems());
        assertTrue(html.contains("Throughput over time"), html);
        assertTrue(html.contains("Latency distribution"), html);
        assertTrue(html.contains("redis: skipped: redis-server is not on the PATH"), html);
        assertTrue(html.split("<svg", -1).length - 1 >= 4, "bars and lines for produce, curve and p99 over time for latency");
    }
}
