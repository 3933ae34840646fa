package dev.grid.log.impl.storage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forces rolled segments to disk on a thread of its own, so an append that rolls a segment does not wait for the
 * whole previous segment to reach the disk (Kafka flushes rolled segments asynchronously too), then runs the
 * segment's check (each batch's CRC32C once) there. Durability of acknowledged records comes from replicas on other
 * members, not from this flush. One thread for the JVM: rolled segments are flushed and checked one at a time.
 */
final class RollFlusher {
    private static final Logger LOG = Logger.getLogger(RollFlusher.class.getName());
    private static final ExecutorService FLUSHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "grid-log-segment-flusher");
        t.setDaemon(true);
        return t;
    });

    private RollFlusher() {
    }

    static void flushLater(Segment segment, Runnable thenCheck) {
        FLUSHER.execute(() -> {
            try {
                segment.flushIfOpen();
                thenCheck.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "grid-log: flushing or checking a rolled segment failed", e);
            }
        });
    }
}
