package dev.grid.server.impl.chaos;

import dev.grid.core.GridMap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Client threads writing increasing sequence numbers: writer {@code w} owns the keys {@code k} with
 * {@code k % writers == w}, goes round them in order and keeps up to {@code inFlight} asynchronous
 * {@code setAsync} calls outstanding, never two for one key (a key still waiting is skipped), at a
 * steady rate if one is set. Each outcome goes to the {@link WriteLedger}.
 *
 * <p>Only a write in flight when a member dies can be lost, and a later write to its key would hide
 * the loss. So right after a kill the keys with a write in flight are frozen: nobody writes them
 * again until the check has read them ({@link #freezeBusyKeys()}, {@link #unfreeze()}).
 */
final class SequenceWriters implements AutoCloseable {
    private final GridMap<String, Long> map;
    private final WriteLedger ledger;
    private final int writers;
    private final int inFlight;
    private final long intervalNanos;
    private final long[] issued;
    private final AtomicIntegerArray busy;
    private final AtomicIntegerArray frozen;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Semaphore> permits = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param ratePerSecond writes per second of all writers together, 0 for as fast as the
     *                      cluster answers
     */
    SequenceWriters(GridMap<String, Long> map, WriteLedger ledger, int writers, int inFlight, int ratePerSecond,
                    long firstSequence) {
        this.map = map;
        this.ledger = ledger;
        this.writers = writers;
        this.inFlight = inFlight;
        this.intervalNanos = ratePerSecond == 0 ? 0 : TimeUnit.SECONDS.toNanos(writers) / ratePerSecond;
        this.issued = new long[ledger.keys()];
        java.util.Arrays.fill(issued, firstSequence);
        this.busy = new AtomicIntegerArray(ledger.keys());
        this.frozen = new AtomicIntegerArray(ledger.keys());
    }

    static String key(int index) {
        return "key-" + index;
    }

    void start() {
        for (int w = 0; w < writers; w++) {
            Semaphore writerPermits = new Semaphore(inFlight);
            permits.add(writerPermits);
            int writer = w;
            Thread thread = new Thread(() -> write(writer, writerPermits), "chaos-writer-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void write(int writer, Semaphore writerPermits) {
        int cursor = writer;
        long next = System.nanoTime();
        while (running) {
            if (intervalNanos > 0) {
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -TimeUnit.SECONDS.toNanos(1)) {
                    next = System.nanoTime(); // fell behind (a stall): no burst to catch up
                }
            }
            try {
                if (!writerPermits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            int key = nextIdleKey(writer, cursor);
            cursor = key;
            long sequence = ++issued[key];
            long sent = System.nanoTime();
            try {
                map.setAsync(key(key), sequence).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        ledger.acknowledged(key, sequence, System.nanoTime() - sent);
                    } else {
                        ledger.failed(failure, System.nanoTime() - sent);
                    }
                    busy.set(key, 0);
                    writerPermits.release();
                });
            } catch (RuntimeException failure) {
                ledger.failed(failure, System.nanoTime() - sent);
                busy.set(key, 0);
                writerPermits.release();
            }
        }
    }

    /** @return the writer's next key after {@code cursor} with no write in flight, marked busy */
    private int nextIdleKey(int writer, int cursor) {
        int keys = issued.length;
        int key = cursor;
        while (true) {
            key += writers;
            if (key >= keys) {
                key = writer;
            }
            if (frozen.get(key) == 0 && busy.compareAndSet(key, 0, 1)) {
                if (frozen.get(key) == 0) {
                    return key;
                }
                busy.set(key, 0);
            }
        }
    }

    /**
     * Freezes every key with a write in flight: no new write goes to it until {@link #unfreeze()}.
     *
     * @return the frozen keys
     */
    List<Integer> freezeBusyKeys() {
        List<Integer> keys = new ArrayList<>();
        for (int key = 0; key < issued.length; key++) {
            if (busy.get(key) == 1) {
                frozen.set(key, 1);
                keys.add(key);
            }
        }
        return keys;
    }

    /** @return whether none of the keys has a write in flight */
    boolean idle(List<Integer> keys) {
        return keys.stream().allMatch(key -> busy.get(key) == 0);
    }

    void unfreeze() {
        for (int key = 0; key < issued.length; key++) {
            frozen.set(key, 0);
        }
    }

    /** Stops issuing writes and waits (bounded) for the outstanding ones to finish. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        for (Semaphore writerPermits : permits) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writerPermits.tryAcquire(inFlight, left, TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("writes still outstanding 150 s after the writers stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
