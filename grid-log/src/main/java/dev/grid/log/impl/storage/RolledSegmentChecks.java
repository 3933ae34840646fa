package dev.grid.log.impl.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals rolled segments (writes their index files, checks each batch's CRC32C once) on a thread of its own, so an
 * append that rolls a segment does not wait for it. One thread for the JVM: rolled segments are sealed one at a time,
 * and the check pauses after each step for three times as long as the step took ({@link #pace}), so it uses at most a
 * quarter of a core: at full speed the checks of an owner and its backup, which roll at the same time, held both cores
 * of a 2-core machine for 100-160 ms, and every record appended meanwhile waited (grid bench log, replicated, 50,000
 * records/s: the records' p99.9 was set by those stalls). Segments are not forced to disk: a member never reloads its
 * files, and forcing a full segment stalled the disk's other writes and reads for seconds.
 */
final class RolledSegmentChecks {
    private static final Logger LOG = Logger.getLogger(RolledSegmentChecks.class.getName());
    private static final ExecutorService CHECKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grid-log-segment-checker");
        t.setDaemon(true);
        return t;
    });

    private RolledSegmentChecks() {
    }

    /** How many times as long as a step of work the checking thread then pauses. */
    static final int PAUSE_PER_WORK = 3;

    /** After a step of checking that took {@code workNanos}: pauses {@value #PAUSE_PER_WORK} times as long. */
    static void pace(long workNanos) {
        long until = System.nanoTime() + Math.max(0, workNanos) * PAUSE_PER_WORK;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static void sealLater(Runnable seal) {
        CHECKER.execute(() -> {
            try {
                seal.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "grid-log: sealing a rolled segment failed", e);
            }
        });
    }
}
