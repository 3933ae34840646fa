package dev.grid.perf.bench.report;

import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;

/**
 * One target × mode × workload of a run: its settings, and what was measured, or why nothing was.
 *
 * @param target      {@code gridmap}, {@code imap}, {@code chm}, {@code redis}
 * @param mode        {@code embedded}, {@code client}, {@code in-process}, {@code server}
 * @param members     members serving the target
 * @param spec        the workload settings
 * @param status      {@link Status}
 * @param reason      why it was skipped or failed (null when it ran)
 * @param measurement what was measured (null when skipped or failed before measuring)
 */
public record RunResult(String target, String mode, int members, LoadSpec spec, Status status, String reason,
                        Measurement measurement) {

    /** How a run ended. */
    public enum Status {
        /** Ran to its end. */
        OK,
        /** Stopped early (Ctrl-C): the figures cover the time it ran. */
        INTERRUPTED,
        /** Not run: the target is not available, or cannot run this workload. */
        SKIPPED,
        /** Started but failed (an error before or while measuring). */
        FAILED;

        /** @return the lower-case name used in results */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return a short name for charts: {@code gridmap embedded x3} */
    public String seriesName() {
        return target + " " + mode + (members > 1 ? " x" + members : "");
    }

    /** @return the group this run is compared within: the workload, and the fixed rate if any */
    public String group() {
        return "workload " + spec.workload().name() + (spec.fixedRate() ? String.format(" at %,.0f ops/s", spec.targetOps()) : "")
                + ", " + spec.threads() + " threads, " + String.format("%,d", spec.records()) + " records of "
                + spec.fieldCount() * spec.fieldLength() + " bytes";
    }
}
