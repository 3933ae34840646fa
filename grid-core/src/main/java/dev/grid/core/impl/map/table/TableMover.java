package dev.grid.core.impl.map.table;

import java.util.ArrayDeque;

/**
 * Moves the entries of a growing table's oldest table into its newest, a few at a time, on the
 * partition thread. It walks the oldest table segment by segment, taking a batch of keys at a time
 * (copies): keys written or removed meanwhile are simply no longer there when their turn comes.
 * Nothing is inserted into a table once a newer one exists, so a segment that yields no key stays
 * empty, and the table is empty once the last segment is.
 */
final class TableMover {
    /** Keys taken from a segment at a time. */
    static final int BATCH = 256;
    /** How often (in entries) a timed move reads the clock. */
    private static final int CLOCK_EVERY = 4;

    private final ArrayDeque<byte[]> batch = new ArrayDeque<>(BATCH);
    private ByteTable source;
    private int segment;

    /**
     * Moves entries from {@code source} to {@code target} until {@code maxEntries} were moved, the
     * clock passes {@code deadline} (a {@link System#nanoTime()} value; checked every few entries),
     * or the source is empty.
     *
     * @return the entries moved
     * @throws TableFullException if the target has no room (the entry being moved stays in the source)
     */
    long move(ByteTable source, ByteTable target, long maxEntries, long deadline) {
        if (source != this.source) {
            reset();
            this.source = source;
        }
        long moved = 0;
        long visited = 0;
        while (moved < maxEntries) {
            byte[] key = batch.peek();
            if (key == null) {
                if (!refill()) {
                    break;
                }
                continue;
            }
            if (source.moveTo(target, key)) {
                moved++;
            }
            batch.poll();
            if (++visited % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) {
                break;
            }
        }
        return moved;
    }

    /** @return whether the current source has been walked to its end (it is then empty) */
    boolean sourceDrained(ByteTable source) {
        return source == this.source && batch.isEmpty() && segment >= source.segments();
    }

    /** Forgets the walk (the tables changed: cleared, closed). */
    void reset() {
        batch.clear();
        source = null;
        segment = 0;
    }

    private boolean refill() {
        while (segment < source.segments()) {
            if (source.collectKeys(segment, BATCH, batch) > 0) {
                return true;
            }
            segment++;
        }
        return false;
    }
}
