package dev.grid.server.impl.chaos;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one producer thread was told, in about nine bytes per record whatever the run's length: for record {@code seq}, the
 * partition and offset its acknowledgement named (or nothing), and how many times a reader met it. Records are numbered
 * densely from 0, so both live in arrays indexed by sequence, grown in chunks of 2^20. Acknowledgements arrive on
 * completion threads concurrently; reading happens after the producer stopped.
 */
final class AppendLedger {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final long NONE = 0;

    private long[][] placements = new long[0][];
    private byte[][] seen = new byte[0][];
    private final AtomicLong acknowledged = new AtomicLong();
    private long highestSequence = -1;

    /** Records that {@code seq} was acknowledged at {@code partition}/{@code offset}. */
    synchronized void acknowledged(long seq, int partition, long offset) {
        long[] chunk = chunk(seq);
        chunk[(int) (seq & (CHUNK - 1))] = encode(partition, offset);
        highestSequence = Math.max(highestSequence, seq);
        acknowledged.incrementAndGet();
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    /**
     * Records that a reader met {@code seq} at {@code partition}/{@code offset}.
     *
     * @return whether that is where its acknowledgement placed it (true for records never acknowledged)
     */
    synchronized boolean read(long seq, int partition, long offset) {
        long[] chunk = chunk(seq);
        int index = (int) (seq & (CHUNK - 1));
        byte[] counts = seen[(int) (seq >>> CHUNK_BITS)];
        if (counts[index] < Byte.MAX_VALUE) {
            counts[index]++;
        }
        highestSequence = Math.max(highestSequence, seq);
        return chunk[index] == NONE || chunk[index] == encode(partition, offset);
    }

    /** @return acknowledged records no reader met */
    synchronized long lost() {
        long lost = 0;
        for (long seq = 0; seq <= highestSequence; seq++) {
            int c = (int) (seq >>> CHUNK_BITS);
            int i = (int) (seq & (CHUNK - 1));
            if (placements[c][i] != NONE && seen[c][i] == 0) {
                lost++;
            }
        }
        return lost;
    }

    /** @return how many extra times readers met records already met */
    synchronized long duplicated() {
        long duplicated = 0;
        for (byte[] counts : seen) {
            for (byte count : counts) {
                duplicated += Math.max(0, count - 1);
            }
        }
        return duplicated;
    }

    private long[] chunk(long seq) {
        int c = (int) (seq >>> CHUNK_BITS);
        if (c >= placements.length) {
            long[][] grownPlacements = java.util.Arrays.copyOf(placements, c + 1);
            byte[][] grownSeen = java.util.Arrays.copyOf(seen, c + 1);
            for (int i = placements.length; i <= c; i++) {
                grownPlacements[i] = new long[CHUNK];
                grownSeen[i] = new byte[CHUNK];
            }
            placements = grownPlacements;
            seen = grownSeen;
        }
        return placements[c];
    }

    /** Offsets below 2^55 and partitions below 255; 0 stays free to mean "not acknowledged". */
    private static long encode(int partition, long offset) {
        return ((long) (partition + 1) << 55) | offset;
    }
}
