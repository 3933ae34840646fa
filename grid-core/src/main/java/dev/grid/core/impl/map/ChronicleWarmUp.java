package dev.grid.core.impl.map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Pays Chronicle Map's one-time start-up cost ahead of the first write. The first Chronicle Map a
 * JVM creates takes close to a second, then 1-2 ms for each further store: class loading and
 * Chronicle's initialisation (and, without the {@code VanillaGlobalMutableState$$Native} class that
 * grid-core ships, 2-3 s more to generate and compile that class with javac). Left to the first
 * write, that cost falls on a client's first {@code set}, once on the owner and once more on the
 * backup. So a member creates and closes a small store, with a fenced key, on a background thread as
 * soon as its map service starts, while it is still joining the cluster.
 */
final class ChronicleWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleWarmUp.class);
    private static volatile boolean started;

    private ChronicleWarmUp() {
    }

    /** Starts the warm-up once per JVM (later calls do nothing). */
    static void startInBackground() {
        if (started) {
            return;
        }
        synchronized (ChronicleWarmUp.class) {
            if (started) {
                return;
            }
            started = true;
        }
        Thread thread = new Thread(ChronicleWarmUp::warmUp, "grid-chronicle-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp() {
        long start = System.nanoTime();
        try {
            PartitionStore store = new PartitionStore("grid-warm-up", 0, 128, 16, 16);
            try {
                store.set(new byte[] {1}, new byte[] {2});
                store.setFence(new byte[] {1}, 1);
            } finally {
                store.close();
            }
            LOG.debug("Chronicle Map warmed up in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (RuntimeException | LinkageError e) {
            // the first real store will pay the cost, or report the problem
            LOG.warn("warming up Chronicle Map failed; the first GridMap write will take longer: {}", e.toString());
        }
    }
}
