package dev.grid.query.export;

import java.time.Duration;

/**
 * How far an export is.
 *
 * @param rows           rows written so far (to files or to the chunk about to be written)
 * @param partitionsDone partitions finished
 * @param partitions     partitions to export
 * @param elapsed        time since the export started
 * @since 0.1
 */
public record ExportProgress(long rows, int partitionsDone, int partitions, Duration elapsed) {
    /** @return rows per second since the start, 0 before any time has passed */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : rows * 1e9 / nanos;
    }
}
