package dev.grid.monitor.test;

import dev.grid.monitor.impl.json.MonitorJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the monitor's JSON answers in tests: an object as a map, and its fields as the types tests compare. */
public final class JsonFields {
    private JsonFields() {
    }

    /** @return the JSON object's fields, in order, every integer a {@code Long}; throws if the text is not a JSON object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        return (Map<String, Object>) longIntegers(MonitorJson.read(text, Map.class));
    }

    private static Object longIntegers(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, longIntegers(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(longIntegers(v)));
            return copy;
        }
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    /** @return the field as text, or null when absent */
    public static String str(Map<String, Object> object, String key) {
        Object v = object.get(key);
        return v == null ? null : v.toString();
    }

    /** @return the field as a long, 0 when absent or not a number */
    public static long num(Map<String, Object> object, String key) {
        return object.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** @return the field as a double, 0 when absent or not a number */
    public static double dbl(Map<String, Object> object, String key) {
        return object.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
