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

    /**
     * Re-creates the exception from its message, as a client does when the member's exception reaches it.
     *
     * @param message a message made by the other constructor
     */
    public FencedWriteRejectedException(String message) {
        super(message);
        java.util.regex.Matcher numbers = FENCES.matcher(message == null ? "" : message);
        boolean found = numbers.find();
        this.fence = found ? Long.parseLong(numbers.group(1)) : -1;
        this.highestFence = found ? Long.parseLong(numbers.group(2)) : -1;
    }

    private static final java.util.regex.Pattern FENCES = java.util.regex.Pattern.compile("its fence (\\d+) is lower than (\\d+)");

    /** @return the fence the rejected write carried */
    public long fence() {
        return fence;
    }

    /** @return the highest fence the key had seen */
    public long highestFence() {
        return highestFence;
    }
}
