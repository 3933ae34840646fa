package dev.grid.perf.bench.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's JSON: one Jackson configuration for {@code results.json} and {@code lock.json}. What it guarantees:
 * <ul>
 *   <li>two-space indentation, {@code "name": value}, an array of numbers or strings on one line ({@code [99.9, 41.5]}),
 *       an array of objects or arrays one element per line, a newline at the end;</li>
 *   <li>fields in declaration order, nulls written, map entries in the map's order;</li>
 *   <li>a {@code double} or {@code Double} in full: its shortest exact form ({@link Double#toString}), a whole value
 *       as {@code 2000.0} (never {@code 2.0E3}); NaN and infinities as {@code null};</li>
 *   <li>{@link java.time.Instant} and {@link java.time.Duration} as ISO-8601 text ({@code "2026-12-04T10:15:30Z"},
 *       {@code "PT2.5S"}), like {@code started};</li>
 *   <li>reading ignores fields it does not know.</li>
 * </ul>
 */
public final class BenchJson {
    private static final ObjectMapper MAPPER = create();

    private BenchJson() {
    }

    private static ObjectMapper create() {
        SimpleModule numbers = new SimpleModule("grid-bench-numbers")
                .addSerializer(Double.class, new FullDoubleSerializer())
                .addSerializer(double.class, new FullDoubleSerializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(numbers)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * @param value a record, map, list, string, number, boolean or null
     * @return its indented JSON text, ending with a newline
     * @throws IllegalArgumentException if it cannot be written as JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writer(new BenchPrettyPrinter()).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param text JSON text
     * @param type what to read it as: a record, or {@code Map} for any object
     * @return the value
     * @throws IllegalArgumentException naming the problem and where it is, if the text is not JSON of that type
     */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at offset " + e.getLocation().getCharOffset()), e);
        }
    }

    /** @return the record's fields by their JSON names, in order (for tables of the same figures) */
    public static Map<String, Object> fields(Object record) {
        return MAPPER.convertValue(record, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
