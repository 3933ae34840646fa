package dev.grid.core;

/**
 * A fenced write carried a fence lower than the highest fence already applied to its key: the
 * writer's lock was taken over by a later holder (it paused, its session expired), so its write
 * must not land. Nothing was stored.
 *
 * @since 0.1
 */
public class FencedWriteRejectedException extends GridException {
    private static final long serialVersionUID = 1L;

    private final long fence;
    private final long highestFence;

    public FencedWriteRejectedException(String mapName, String key, long fence, long highestFence) {
        super("GridMap '" + mapName + "': fenced write to key '" + key + "' rejected: its fence " + fence
                + " is lower than " + highestFence + ", the highest fence already applied to the key; a later lock holder "
                + "has written it. Nothing was stored.");
        this.fence = fence;
        this.highestFence = highestFence;
    }

    /** @return the fence the rejected write carried */
    public long fence() {
        return fence;
    }

    /** @return the highest fence the key had seen */
    public long highestFence() {
        return highestFence;
    }
}
