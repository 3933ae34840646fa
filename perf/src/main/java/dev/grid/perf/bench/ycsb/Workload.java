package dev.grid.perf.bench.ycsb;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * YCSB's core workloads, with the proportions of YCSB's {@code workloads/workloada} ... {@code workloadf}.
 */
public enum Workload {
    /** Update heavy: 50% reads, 50% updates, Zipfian keys (a session store recording recent actions). */
    A("update heavy", Distribution.ZIPFIAN, Map.of(Operation.READ, 0.5, Operation.UPDATE, 0.5)),
    /** Read mostly: 95% reads, 5% updates (photo tagging). */
    B("read mostly", Distribution.ZIPFIAN, Map.of(Operation.READ, 0.95, Operation.UPDATE, 0.05)),
    /** Read only (a user profile cache). */
    C("read only", Distribution.ZIPFIAN, Map.of(Operation.READ, 1.0)),
    /** Read latest: 95% reads, 5% inserts, the newest records hottest (user status updates). */
    D("read latest", Distribution.LATEST, Map.of(Operation.READ, 0.95, Operation.INSERT, 0.05)),
    /** Short ranges: 95% scans of 1-100 records, 5% inserts (threaded conversations). */
    E("short ranges", Distribution.ZIPFIAN, Map.of(Operation.SCAN, 0.95, Operation.INSERT, 0.05)),
    /** Read-modify-write: 50% reads, 50% read-modify-writes (a user database). */
    F("read-modify-write", Distribution.ZIPFIAN, Map.of(Operation.READ, 0.5, Operation.READ_MODIFY_WRITE, 0.5));

    /** YCSB's default longest scan (scan lengths are uniform in 1..this). */
    public static final int MAX_SCAN_LENGTH = 100;

    private final String description;
    private final Distribution distribution;
    private final Map<Operation, Double> proportions;

    Workload(String description, Distribution distribution, Map<Operation, Double> proportions) {
        this.description = description;
        this.distribution = distribution;
        EnumMap<Operation, Double> map = new EnumMap<>(Operation.class);
        map.putAll(proportions);
        this.proportions = Collections.unmodifiableMap(map);
    }

    /** @return a few words on what the workload models */
    public String description() {
        return description;
    }

    /** @return the key distribution YCSB uses for this workload */
    public Distribution defaultDistribution() {
        return distribution;
    }

    /** @return the share of each operation (summing to 1) */
    public Map<Operation, Double> proportions() {
        return proportions;
    }

    /** @return the share of inserts */
    public double insertProportion() {
        return proportions.getOrDefault(Operation.INSERT, 0.0);
    }

    /** @return a chooser drawing operations in this workload's proportions */
    public OperationChooser chooser() {
        return new OperationChooser(proportions);
    }

    /**
     * @param text a workload letter, A to F (either case)
     * @throws IllegalArgumentException naming the text if it is not one
     */
    public static Workload parse(String text) {
        for (Workload w : values()) {
            if (w.name().equalsIgnoreCase(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("must be one of A, B, C, D, E, F, was '" + text + "'");
    }

    @Override
    public String toString() {
        return name() + " (" + description + ")";
    }

    /** @return the lower-case letter, for map names */
    public String letter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
