package dev.grid.core.impl;

import dev.grid.core.GridConfigException;

import java.time.Duration;

/**
 * The checks of duration settings, shared by every config class ({@code GridCpConfig},
 * {@code GridMonitorConfig}, {@code GridClientConfig}, {@code GridTxnConfig}): each fails with a
 * {@link GridConfigException} naming the key and the value in {@link DurationText}'s syntax
 * ({@code grid.cp.sessionTtl must be > 0, was -5s}).
 */
public final class RequireDuration {
    private RequireDuration() {
    }

    /** @return the value, if it is set and > 0 */
    public static Duration positive(String key, Duration value) {
        if (notNull(key, value).isNegative() || value.isZero()) {
            throw new GridConfigException(key, key + " must be > 0, was " + DurationText.format(value));
        }
        return value;
    }

    /** @return the value, if it is set and >= 0 */
    public static Duration notNegative(String key, Duration value) {
        if (notNull(key, value).isNegative()) {
            throw new GridConfigException(key, key + " must be >= 0, was " + DurationText.format(value));
        }
        return value;
    }

    /** @return the value, if it is set and between min and max, both included */
    public static Duration between(String key, Duration value, Duration min, Duration max) {
        if (notNull(key, value).compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new GridConfigException(key, key + " must be between " + DurationText.format(min) + " and " + DurationText.format(max)
                    + ", was " + DurationText.format(value));
        }
        return value;
    }

    /** @return the value, if it is > 0 and a whole number of seconds that fits an int (for APIs that count in seconds) */
    public static Duration wholeSeconds(String key, Duration value) {
        positive(key, value);
        if (value.getNano() != 0 || value.getSeconds() > Integer.MAX_VALUE) {
            throw new GridConfigException(key, key + " must be a whole number of seconds, was " + DurationText.format(value));
        }
        return value;
    }

    private static Duration notNull(String key, Duration value) {
        if (value == null) {
            throw new GridConfigException(key, key + " must be set, was null");
        }
        return value;
    }
}
