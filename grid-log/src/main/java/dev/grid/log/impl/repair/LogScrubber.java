package dev.grid.log.impl.repair;

import com.hazelcast.logging.ILogger;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.storage.CorruptLogException;
import dev.grid.log.impl.storage.ScrubStep;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The low-rate background scrub of one member's replicas (owned and backup): every {@code grid.log.scrubInterval}
 * (after the previous pass ends) a pass checks each batch of every sealed segment once (length, CRC32C, layout,
 * offsets), a MiB at a time, at most {@value #BYTES_PER_SECOND} bytes a second, on a thread of its own. It is what
 * finds a corrupt backup, whose files nothing else reads. A bad batch goes to {@link ReplicaRepairs#corruptLater}.
 */
public final class LogScrubber implements AutoCloseable {
    /** Bytes checked per step (and per hold of a log's shared lock). */
    static final long STEP_BYTES = 1 << 20;
    /** Most bytes checked per second: a pass over 100 GiB of segments takes about 3.6 hours. */
    static final long BYTES_PER_SECOND = 8L << 20;

    private final ReplicaRepairs repairs;
    private final ILogger logger;
    private final ScheduledExecutorService thread;

    private LogScrubber(String name, Duration interval, ReplicaRepairs repairs, ILogger logger) {
        this.repairs = repairs;
        this.logger = logger;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + ".grid-log-scrubber");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** @return a scrubber running every {@code interval}, or null when the interval is zero (scrubbing is off) */
    public static LogScrubber start(String name, Duration interval, ReplicaRepairs repairs, ILogger logger) {
        return interval.isZero() ? null : new LogScrubber(name, interval, repairs, logger);
    }

    private void pass() {
        try {
            for (PartitionLog replica : repairs.host().replicas()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                scrub(replica);
            }
        } catch (RuntimeException e) {
            logger.warning("grid-log: a scrub pass failed", e);
        }
    }

    private void scrub(PartitionLog replica) {
        long next = 0;
        while (true) {
            ScrubStep step;
            try {
                step = replica.log().scrub(next, STEP_BYTES);
            } catch (CorruptLogException e) {
                repairs.corruptLater(replica, e, "the background scrub");
                return;
            } catch (IllegalStateException | UncheckedIOException e) {
                return;             // closed or dropped meanwhile
            }
            if (step.bytesChecked() > 0) {
                LockSupport.parkNanos(step.bytesChecked() * TimeUnit.SECONDS.toNanos(1) / BYTES_PER_SECOND);
            }
            if (step.done() || Thread.currentThread().isInterrupted()) {
                return;
            }
            next = step.nextOffset();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
