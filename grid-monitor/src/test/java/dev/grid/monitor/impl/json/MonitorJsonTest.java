package dev.grid.monitor.impl.json;

import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MonitoredTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's one JSON configuration: numbers, escapes, times, the public records' names, tolerant reading. */
@Timeout(30)
class MonitorJsonTest {

    /** Times in a document of the monitor. */
    record Times(Instant at, Duration took) {
    }

    /** What an older member might have stored. */
    record Stored(String name, List<String> resources, Map<String, String> labels) {
    }

    @Test
    void shouldWriteInstantsAsEpochMillisAndDurationsAsMillisAsTheMonitorReportsTimes() {
        Times times = new Times(Instant.ofEpochMilli(1_764_151_234_567L), Duration.ofSeconds(90).plusMillis(5));
        String json = MonitorJson.write(times);
        assertEquals("{\"at\":1764151234567,\"took\":90005}", json);
        assertEquals(times, MonitorJson.read(json, Times.class));
    }

    @Test
    void shouldWriteWholeDoublesAsIntegersOthersInFullAndNonFiniteAsNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("whole", 75.0);
        values.put("negativeZero", -0.0);
        values.put("fraction", 145.10050251256283);
        values.put("small", 1.0e-7);
        values.put("large", 1.0e15);
        values.put("nan", Double.NaN);
        values.put("infinite", Double.NEGATIVE_INFINITY);
        values.put("long", 9_007_199_254_740_993L);
        assertEquals("{\"whole\":75,\"negativeZero\":0,\"fraction\":145.10050251256283,\"small\":1.0E-7,\"large\":1.0E15,\"nan\":null,"
                + "\"infinite\":null,\"long\":9007199254740993}", MonitorJson.write(values));
        assertEquals("[8500000000,0.8125]", MonitorJson.write(List.of(8.5e9, 0.8125)));
        assertEquals(75.0, MonitorJson.read("75", double.class));
    }

    @Test
    void shouldEscapeWhatHtmlAndScriptsWouldReadAsMarkupOrLineEnds() {
        String text = "<script>&\"\\/\n\r\t\b\f\u0001\u001f é \u2028\u2029 😀";
        String expected = "\"\\u003cscript\\u003e\\u0026\\\"\\\\/\\n\\r\\t\\u0008\\u000c\\u0001\\u001f é \\u2028\\u2029 😀\"";
        assertEquals(expected, MonitorJson.write(text));
        assertEquals(expected, new String(MonitorJson.writeBytes(text), StandardCharsets.UTF_8), "the same as bytes");
        assertEquals(text, MonitorJson.read(expected, String.class));
    }

    @Test
    void shouldNameThePublicRecordsFieldsAsTheApiDoesAndReadThemBack() {
        Alert alert = new Alert("r|cluster|", "r", "warning", "s", "FIRING", "cluster", Map.of("replica", "primary", "map", "orders"), 1.5,
                10, 20, 0, "127.0.0.1:5701");
        String json = MonitorJson.write(alert);
        assertEquals("{\"id\":\"r|cluster|\",\"rule\":\"r\",\"severity\":\"warning\",\"summary\":\"s\",\"state\":\"FIRING\",\"scope\":\"cluster\","
                + "\"labels\":{\"map\":\"orders\",\"replica\":\"primary\"},\"value\":1.5,\"activeAt\":10,\"firedAt\":20,\"resolvedAt\":0,"
                + "\"evaluatedBy\":\"127.0.0.1:5701\"}", json, "labels sorted, times without 'Millis', no 'firing'");
        assertEquals(alert, MonitorJson.read(json, Alert.class));

        MonitoredTransaction t = new MonitoredTransaction("tx", "PREPARED", "n", List.of("a", "b"), 1, 2, "p");
        assertEquals("{\"txId\":\"tx\",\"state\":\"PREPARED\",\"node\":\"n\",\"resources\":[\"a\",\"b\"],\"beganAt\":1,\"preparedAt\":2,"
                + "\"publisher\":\"p\"}", MonitorJson.write(t));
        assertEquals(t, MonitorJson.read(MonitorJson.write(t), MonitoredTransaction.class));
        HeuristicOutcome h = new HeuristicOutcome("tx", "HEURISTIC_MIXED", "n", List.of("a"), 3, "p");
        assertEquals("{\"txId\":\"tx\",\"outcome\":\"HEURISTIC_MIXED\",\"node\":\"n\",\"resources\":[\"a\"],\"at\":3,\"publisher\":\"p\"}",
                MonitorJson.write(h));
        assertEquals(h, MonitorJson.read(MonitorJson.write(h), HeuristicOutcome.class));
        assertEquals("{\"sequence\":4,\"time\":5,\"member\":\"m\",\"severity\":\"WARN\",\"source\":\"s\",\"message\":\"x\"}",
                MonitorJson.write(new LogEntry(4, 5, "m", "WARN", "s", "x")));
    }

    @Test
    void shouldReadRecordsWithUnknownFieldsAndMissingListsOrMaps() {
        assertEquals(new Stored("a", List.of(), Map.of()), MonitorJson.read("{\"name\":\"a\",\"addedLater\":[1,{\"x\":2}]}", Stored.class));
        assertEquals(new Stored("b", List.of(), Map.of()), MonitorJson.read("{\"name\":\"b\",\"resources\":null,\"labels\":null}",
                Stored.class));
        assertEquals(new MonitoredTransaction("tx", "ACTIVE", "n", List.of(), 1, 0, "p"),
                MonitorJson.read("{\"txId\":\"tx\",\"state\":\"ACTIVE\",\"node\":\"n\",\"beganAt\":1,\"publisher\":\"p\"}",
                        MonitoredTransaction.class));
    }

    @Test
    void shouldRefuseTextThatIsNotJsonNamingWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonitorJson.read("{\"name\":", Stored.class));
        assertTrue(e.getMessage().startsWith("bad JSON for Stored: ") && e.getMessage().contains("at offset"), e.getMessage());
    }
}
