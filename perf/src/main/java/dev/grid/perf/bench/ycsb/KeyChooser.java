package dev.grid.perf.bench.ycsb;

import java.util.SplittableRandom;

/**
 * Chooses the key of a read, update, scan or read-modify-write as YCSB's {@code CoreWorkload} does:
 * from the records loaded plus those inserted (and acknowledged) during the run. With Zipfian keys
 * and inserts, the generator covers the loaded records plus room for as many new ones, and a draw
 * past the last acknowledged insert is drawn again.
 */
public final class KeyChooser {
    private static final int REDRAWS = 64;

    private final Distribution distribution;
    private final AcknowledgedCounter inserted;
    private final KeyGenerator generator;

    /**
     * @param distribution how keys are drawn
     * @param records      records loaded before the run (key numbers 0 .. records-1)
     * @param workload     the workload (inserts widen the Zipfian key space)
     * @param constant     the Zipfian constant
     * @param inserted     the counter of inserted records (its start is {@code records})
     */
    public KeyChooser(Distribution distribution, long records, Workload workload, double constant, AcknowledgedCounter inserted) {
        this.distribution = distribution;
        this.inserted = inserted;
        long room = workload.insertProportion() > 0 ? records : 0;
        this.generator = switch (distribution) {
            case ZIPFIAN -> new ScrambledZipfianGenerator(0, records + room - 1, constant);
            case UNIFORM -> null;
            case LATEST -> new SkewedLatestGenerator(inserted, constant);
        };
    }

    /** @return the key number of the next operation, never past the last acknowledged insert */
    public long next(SplittableRandom random) {
        long last = inserted.lastAcknowledged();
        switch (distribution) {
            case UNIFORM:
                return random.nextLong(last + 1);
            case LATEST:
                return generator.next(random);
            default:
                for (int i = 0; i < REDRAWS; i++) {
                    long key = generator.next(random);
                    if (key <= last) {
                        return key;
                    }
                }
                return random.nextLong(last + 1);
        }
    }

    /** @return the key of a key number, as YCSB names them */
    public static String key(long keyNumber) {
        return "user" + keyNumber;
    }
}
