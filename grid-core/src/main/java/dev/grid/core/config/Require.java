package dev.grid.core.config;

import java.util.Map;

/**
 * Eager checks for configuration values; every message names the key and the value.
 */
final class Require {
    private Require() {
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new GridConfigException(key, key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static long positive(String key, long value) {
        if (value <= 0) {
            throw new GridConfigException(key, key + " must be > 0, was " + value);
        }
        return value;
    }

    static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new GridConfigException(key, key + " must not be empty, was " + quote(value));
        }
        return value;
    }

    static <T> T nonNull(String key, T value) {
        if (value == null) {
            throw new GridConfigException(key, key + " must be set, was null");
        }
        return value;
    }

    static String quote(Object value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /**
     * Checks a raw Hazelcast property for {@code where} (a key starting with {@code hazelcast.}, a
     * value) and puts it into {@code properties}.
     */
    static void hazelcastProperty(String where, Map<String, String> properties, String key, String value) {
        nonBlank(where + " key", key);
        if (!key.startsWith("hazelcast.")) {
            throw new GridConfigException(where, where + " keys must start with \"hazelcast.\", was " + quote(key));
        }
        properties.put(key, nonNull(where + "." + key, value));
    }
}
