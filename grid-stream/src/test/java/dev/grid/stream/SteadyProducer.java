package dev.grid.stream;

import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread appending {@link WindowedSums}' records at a steady rate until stopped: key {@code k<seq % keys>}, value
 * {@code seq % 10 + 1}, timestamp the time of the send (one idempotent producer, so each partition's timestamps rise
 * with its offsets, also across retries after a member died). The checker reads the topic itself, so sends that failed
 * or whose outcome is unknown do not matter. Always {@link #stop()} it.
 */
public final class SteadyProducer {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final Thread thread;

    /**
     * @param recordsPerSecond the rate
     * @param keys             how many distinct keys
     */
    public SteadyProducer(GridLog log, String topic, int keys, int recordsPerSecond) {
        thread = new Thread(() -> run(log, topic, keys, recordsPerSecond), "steady-producer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(GridLog log, String topic, int keys, int recordsPerSecond) {
        Semaphore inFlight = new Semaphore(2_000);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / recordsPerSecond;
        ProducerConfig config = new ProducerConfig().setLinger(Duration.ofMillis(2)).setDeliveryTimeout(Duration.ofMinutes(1));
        try (LogProducer producer = log.producer(config)) {
            long next = System.nanoTime();
            for (long seq = 0; !stop.get(); seq++) {
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long timestamp = System.currentTimeMillis();
                lastTimestamp.set(timestamp);
                inFlight.acquireUninterruptibly();
                producer.send(ProducerRecord.of(topic, "k" + seq % keys, Long.toString(seq % 10 + 1)).withTimestamp(timestamp))
                        .whenComplete((result, error) -> {
                            inFlight.release();
                            (error == null ? acknowledged : failed).incrementAndGet();
                        });
            }
            inFlight.acquireUninterruptibly(2_000); // every send answered before the producer closes
        }
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** @return the timestamp of the last record sent */
    public long lastTimestamp() {
        return lastTimestamp.get();
    }

    /** Stops sending and waits until every send has its answer. */
    public void stop() throws InterruptedException {
        stop.set(true);
        thread.join(TimeUnit.MINUTES.toMillis(2));
    }
}
