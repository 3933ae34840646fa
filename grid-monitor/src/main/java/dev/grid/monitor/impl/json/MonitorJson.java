package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MonitoredTransaction;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The monitor's JSON: one Jackson configuration for its HTTP answers, webhook posts and the records it keeps in
 * the cluster. What it guarantees:
 * <ul>
 *   <li>fields in declaration order, nulls written ({@code "problem":null}), map entries in the map's order;</li>
 *   <li>a {@code double} or {@code Double} with a whole value is written as an integer ({@code 75}, not {@code 75.0}),
 *       any other in full ({@link Double#toString}); NaN and infinities as {@code null} (a {@code double[]} is written
 *       as Jackson does: the monitor writes none);</li>
 *   <li>{@code <}, {@code >}, {@code &}, control characters and U+2028/U+2029 escaped as &#92;u00xx, so a
 *       document is safe to embed in HTML or a script;</li>
 *   <li>{@link java.time.Instant} and {@link java.time.Duration} as milliseconds (epoch milliseconds for an
 *       instant), like every time the monitor reports;</li>
 *   <li>reading ignores fields it does not know (records written by a newer member) and takes a missing list or
 *       map as empty.</li>
 * </ul>
 */
public final class MonitorJson {
    private static final ObjectMapper MAPPER = create();

    private MonitorJson() {
    }

    private static ObjectMapper create() {
        SimpleModule numbers = new SimpleModule("grid-monitor-numbers")
                .addSerializer(Double.class, new CompactDoubleSerializer())
                .addSerializer(double.class, new CompactDoubleSerializer());
        return JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build())
                .addModule(new JavaTimeModule())
                .addModule(numbers)
                .addMixIn(Alert.class, AlertMixIn.class)
                .addMixIn(MonitoredTransaction.class, MonitoredTransactionMixIn.class)
                .addMixIn(HeuristicOutcome.class, HeuristicOutcomeMixIn.class)
                .addMixIn(LogEntry.class, LogEntryMixIn.class)
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .build();
    }

    /**
     * @param value a record, map, list, string, number, boolean or null
     * @return its JSON text
     * @throws IllegalArgumentException if it cannot be written as JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @return the value's JSON text in UTF-8 (encoded from {@link #write}: Jackson's own UTF-8 writer would escape
     *         characters beyond the BMP as surrogate pairs)
     */
    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
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
}
