package dev.grid.log.impl.replica;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The owner epochs of one log partition: each time a member becomes the partition's owner it starts a new
 * epoch at its log end offset. A replica that followed an older owner may hold records the new owner never
 * had (appended by the old owner, never acknowledged); it cuts its log at the start of the first epoch after
 * the epoch of its last batch (Kafka's leader-epoch truncation), then copies the owner's records from there.
 * Immutable; the last {@value #KEPT} epochs are kept.
 */
public final class EpochHistory {
    static final int KEPT = 32;
    public static final EpochHistory EMPTY = new EpochHistory(new int[0], new long[0]);

    private final int[] epochs;
    private final long[] startOffsets;

    public EpochHistory(int[] epochs, long[] startOffsets) {
        if (epochs.length != startOffsets.length) {
            throw new IllegalArgumentException("epochs and start offsets differ in length");
        }
        this.epochs = epochs.clone();
        this.startOffsets = startOffsets.clone();
    }

    /** @return the latest epoch, or 0 when there is none */
    public int latest() {
        return epochs.length == 0 ? 0 : epochs[epochs.length - 1];
    }

    /**
     * @return this history with a new epoch starting at {@code startOffset}; earlier epochs that started above it
     *         (an owner whose repair could not copy back its whole log) now start there, so a follower holding their
     *         records cuts them
     */
    public EpochHistory begin(int epoch, long startOffset) {
        if (epoch <= latest()) {
            throw new IllegalArgumentException("epoch " + epoch + " is not after " + latest());
        }
        int keep = Math.min(epochs.length, KEPT - 1);
        int[] e = Arrays.copyOfRange(epochs, epochs.length - keep, epochs.length + 1);
        long[] s = Arrays.copyOfRange(startOffsets, startOffsets.length - keep, startOffsets.length + 1);
        for (int i = 0; i < keep; i++) {
            s[i] = Math.min(s[i], startOffset);
        }
        e[keep] = epoch;
        s[keep] = startOffset;
        return new EpochHistory(e, s);
    }

    /**
     * @param lastEpoch the epoch of a follower's last batch (-1: it has none)
     * @return where the follower's log must end at most: the start of the first epoch after {@code lastEpoch},
     *         or {@link Long#MAX_VALUE} when the follower's epoch is the latest (nothing to cut)
     */
    public long truncationPointFor(int lastEpoch) {
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] > lastEpoch) {
                return startOffsets[i];
            }
        }
        return Long.MAX_VALUE;
    }

    public int[] epochs() {
        return epochs.clone();
    }

    public long[] startOffsets() {
        return startOffsets.clone();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < epochs.length; i++) {
            parts.add(epochs[i] + "@" + startOffsets[i]);
        }
        return "epochs " + parts;
    }
}
