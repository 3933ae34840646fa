package dev.grid.core.config;

/**
 * Settings of the JVM a standalone member runs in ({@code grid.jvm.*} in {@code grid.yaml}): the
 * {@code ./grid start} launcher reads them before it starts the member's JVM. An application that embeds a
 * member sizes its own JVM; these settings do not apply to it.
 *
 * @since 0.1
 */
public final class GridJvmConfig {
    /** The default heap bound, 1 GB. */
    public static final long DEFAULT_HEAP = 1L << 30;
    /** The smallest heap a member is given, 64 MB. */
    public static final long MIN_HEAP = 64L << 20;
    /** The largest heap accepted, 64 TB. */
    public static final long MAX_HEAP = 64L << 40;

    private long heap = DEFAULT_HEAP;

    /**
     * @return the most heap a {@code grid start} member may use, in bytes: its {@code -Xmx} (default 1 GB). GridMap
     *         data is off-heap and bounded by the maps' own sizes and {@code grid.offHeapBudget}, not by this
     */
    public long getHeap() {
        return heap;
    }

    public GridJvmConfig setHeap(long bytes) {
        if (bytes < MIN_HEAP || bytes > MAX_HEAP) {
            throw new GridConfigException("grid.jvm.heap", "grid.jvm.heap must be between 64m and 64t, was " + bytes + " bytes");
        }
        this.heap = bytes;
        return this;
    }

    /** @return the JVM option that sets the heap bound, {@code -Xmx} with the byte count in megabytes when whole */
    public String heapOption() {
        return heap % (1L << 20) == 0 ? "-Xmx" + (heap >> 20) + "m" : "-Xmx" + heap;
    }
}
