package dev.grid.log.impl.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks rolled segments (each batch's CRC32C once) on a thread of its own, so an append that rolls a segment does not
 * wait for it. One thread for the JVM: rolled segments are checked one at a time. Segments are not forced to disk: a
 * member never reloads its files, and forcing a full segment stalled the disk's other writes and reads for seconds.
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

    static void checkLater(Runnable check) {
        CHECKER.execute(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "grid-log: checking a rolled segment failed", e);
            }
        });
    }
}
