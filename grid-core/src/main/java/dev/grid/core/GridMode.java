package dev.grid.core;

/**
 * How a {@link Grid} reaches the cluster.
 *
 * @since 0.1
 */
public enum GridMode {
    /** A full member inside the application's JVM: it stores partitions and runs operations. */
    EMBEDDED,
    /** A client connected over TCP to standalone members; it stores nothing itself. */
    CLIENT
}
