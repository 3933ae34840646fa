package dev.grid.perf.bench.log;

import java.util.Locale;

/** The systems {@code grid bench log} compares. */
public enum LogSystem {
    /** grid-log, through a grid client. */
    GRID,
    /** Apache Kafka 4.4.0 brokers (KRaft), through Kafka's Java clients. */
    KAFKA,
    /** Redis Streams (XADD/XREAD) on a {@code redis-server}, through Jedis. */
    REDIS;

    /** @return the lower-case name used on the command line and in results */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the choices */
    public static LogSystem parse(String text) {
        for (LogSystem s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be grid, kafka or redis, was '" + text + "'");
    }
}
