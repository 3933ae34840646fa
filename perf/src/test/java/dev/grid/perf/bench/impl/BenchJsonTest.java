package dev.grid.perf.bench.impl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's one JSON configuration: layout, numbers, times, tolerant reading. */
@Timeout(30)
class BenchJsonTest {

    /** Times in a document of the harness. */
    record Times(Instant started, Duration warmup) {
    }

    /** A document with one of each layout. */
    record Layout(String name, List<Double> flat, List<List<Double>> nested, List<Map<String, Object>> objects, Map<String, Object> empty,
                  List<Object> none) {
    }

    @Test
    void shouldWriteInstantsAndDurationsAsIso8601LikeStarted() {
        Times times = new Times(Instant.parse("2026-12-04T10:15:30Z"), Duration.ofMillis(2500));
        String json = BenchJson.write(times);
        assertEquals("{\n  \"started\": \"2026-12-04T10:15:30Z\",\n  \"warmup\": \"PT2.5S\"\n}\n", json);
        assertEquals(times, BenchJson.read(json, Times.class));
    }

    @Test
    void shouldWriteDoublesInFullWholeOnesPlainAndNonFiniteAsNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fraction", 151.80679999999998);
        values.put("percentile", 99.7265625);
        values.put("whole", 2000.0);
        values.put("large", 1.0e7);
        values.put("huge", 1.5e15);
        values.put("tiny", 1.0e-4);
        values.put("nan", Double.NaN);
        values.put("infinite", Double.POSITIVE_INFINITY);
        values.put("long", 8_300_000_000L);
        assertEquals("{\n  \"fraction\": 151.80679999999998,\n  \"percentile\": 99.7265625,\n  \"whole\": 2000.0,\n  \"large\": 10000000.0,\n"
                + "  \"huge\": 1.5E15,\n  \"tiny\": 1.0E-4,\n  \"nan\": null,\n  \"infinite\": null,\n  \"long\": 8300000000\n}\n",
                BenchJson.write(values));
    }

    @Test
    void shouldLayOutFlatArraysOnOneLineAndArraysOfObjectsOrArraysOnePerLine() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("t", 1.0);
        object.put("warmup", true);
        Layout layout = new Layout("a \"quoted\" <name>\n", List.of(50.0, 99.9), List.of(List.of(0.0, 10.5), List.of(90.0, 41.25)),
                List.of(object, Map.of()), Map.of(), List.of());
        assertEquals("""
                {
                  "name": "a \\"quoted\\" <name>\\n",
                  "flat": [50.0, 99.9],
                  "nested": [
                    [0.0, 10.5],
                    [90.0, 41.25]
                  ],
                  "objects": [
                    {
                      "t": 1.0,
                      "warmup": true
                    },
                    {}
                  ],
                  "empty": {},
                  "none": []
                }
                """, BenchJson.write(layout));
    }

    @Test
    void shouldReadBackWhatItWritesIgnoringUnknownFields() {
        assertEquals(new Times(Instant.parse("2026-12-04T10:15:30Z"), Duration.ofSeconds(3)),
                BenchJson.read("{\"started\":\"2026-12-04T10:15:30Z\",\"warmup\":\"PT3S\",\"addedLater\":[1]}", Times.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchJson.read("[1,", Times.class));
        assertTrue(e.getMessage().startsWith("bad JSON for Times"), e.getMessage());
    }

    @Test
    void shouldListARecordsFieldsByTheirJsonNames() {
        assertEquals(List.of("started", "warmup"), List.copyOf(BenchJson.fields(new Times(Instant.EPOCH, Duration.ZERO)).keySet()));
    }
}
