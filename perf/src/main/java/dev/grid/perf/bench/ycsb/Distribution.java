package dev.grid.perf.bench.ycsb;

import java.util.Locale;

/** How the key of a read, update, scan or read-modify-write is chosen. */
public enum Distribution {
    /** YCSB's scrambled Zipfian: a few keys, scattered over the keyspace, take most requests. */
    ZIPFIAN,
    /** Every key equally likely. */
    UNIFORM,
    /** The most recently inserted keys are hottest (workload D). */
    LATEST;

    /** @return the lower-case name used on the command line and in results */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code zipfian}, {@code uniform} or {@code latest}
     * @throws IllegalArgumentException naming the text if it is none of them
     */
    public static Distribution parse(String text) {
        for (Distribution d : values()) {
            if (d.label().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("must be zipfian, uniform or latest, was '" + text + "'");
    }
}
