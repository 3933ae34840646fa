package dev.grid.server;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.lock.test.LockHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that take one FencedLock over and over (lock, unlock, a short pause), recording every
 * hold in a {@link LockHistory} and the moment each lock+unlock pair completed, so a test can tell
 * how long the lock was unavailable around a fault. A call that fails (the CP group was unavailable
 * longer than the session TTL) is recorded and the thread goes on.
 */
final class LockLoad {
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final LockHistory history = new LockHistory();
    private final ConcurrentSkipListSet<Long> completions = new ConcurrentSkipListSet<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Starts {@code threads} threads on {@code lock}. */
    static LockLoad start(FencedLock lock, int threads) {
        LockLoad load = new LockLoad();
        for (int i = 0; i < threads; i++) {
            String name = "lock-load-" + i;
            Thread thread = new Thread(() -> load.run(lock, name), name);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(FencedLock lock, String name) {
        while (!stop.get()) {
            long start = System.nanoTime();
            long fence;
            try {
                fence = lock.lockAndGetFence();
            } catch (RuntimeException e) {
                failures.put(name + " lock at " + start, e);
                continue;
            }
            history.acquired(name, start, System.nanoTime(), fence);
            long releaseStart = System.nanoTime();
            boolean acknowledged = false;
            try {
                lock.unlock();
                acknowledged = true;
                completions.add(System.nanoTime());
            } catch (RuntimeException e) {
                failures.put(name + " unlock at " + releaseStart, e);
            } finally {
                history.released(name, releaseStart, System.nanoTime(), acknowledged);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    LockHistory history() {
        return history;
    }

    /** @return lock+unlock pairs completed so far */
    int completed() {
        return completions.size();
    }

    /** @return pairs completed after {@code nanoTime} */
    int completedAfter(long nanoTime) {
        return completions.tailSet(nanoTime, false).size();
    }

    /**
     * @return the longest time in {@code [from, to]} (System.nanoTime) in which no lock+unlock pair
     *         completed, in milliseconds, counted from the last completion before {@code from}: how
     *         long the lock was unavailable around a fault at {@code from}
     */
    long longestGapMillis(long from, long to) {
        Long previous = completions.floor(from);
        long gapStart = previous == null ? from : previous;
        long longest = 0;
        for (long completion : completions.subSet(from, true, to, true)) {
            longest = Math.max(longest, completion - gapStart);
            gapStart = completion;
        }
        longest = Math.max(longest, to - gapStart);
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    /** @return calls that failed, by thread and start time */
    Map<String, Throwable> failures() {
        return failures;
    }

    /** Stops the threads and waits for them (a call in progress finishes or fails first). */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
    }

    boolean stopped() {
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
