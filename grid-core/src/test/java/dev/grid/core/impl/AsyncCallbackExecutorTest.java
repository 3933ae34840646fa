package dev.grid.core.impl;

import com.hazelcast.internal.util.ConcurrencyUtil;
import com.hazelcast.spi.impl.InternalCompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class AsyncCallbackExecutorTest {

    @Test
    void onlyHazelcastsThreadPerCallbackIsReplaced() {
        Executor threadPerTask = command -> new Thread(command).start();
        assertTrue(AsyncCallbackExecutor.startsThreadPerCallback(1, threadPerTask));
        assertFalse(AsyncCallbackExecutor.startsThreadPerCallback(3, ForkJoinPool.commonPool()), "a parallel common pool stays");
        assertFalse(AsyncCallbackExecutor.startsThreadPerCallback(1, new ForkJoinPool(2)), "a pool given already stays");
        assertFalse(AsyncCallbackExecutor.startsThreadPerCallback(1, java.util.concurrent.Executors.newCachedThreadPool()),
                "a pool given already stays");
    }

    /**
     * Whatever the machine: once grid's defaults are applied, callbacks of Hazelcast's futures that come one after the
     * other reuse the pool's threads instead of starting a new thread each (Hazelcast's default where the common pool
     * has parallelism 1, as on 2 cores).
     */
    @Test
    void callbacksOneAfterTheOtherReuseThreads() throws InterruptedException {
        SystemDefaults.apply();
        int callbacks = 64;
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < callbacks; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            InternalCompletableFuture<String> future = new InternalCompletableFuture<>();
            future.whenComplete((value, error) -> {
                threads.add(Thread.currentThread());
                ran.countDown();
            });
            future.complete("answer " + i);
            assertTrue(ran.await(20, TimeUnit.SECONDS), "callback " + i + " not run");
        }
        // a thread counts a callback run before it is idle again, so the next one may start another: a few, not 64
        int bound = Math.max(ForkJoinPool.getCommonPoolParallelism(), 8);
        assertTrue(threads.size() <= bound, callbacks + " callbacks one after the other ran on " + threads.size()
                + " threads, more than " + bound + " (common pool parallelism " + ForkJoinPool.getCommonPoolParallelism()
                + ", Hazelcast's executor " + ConcurrencyUtil.getDefaultAsyncExecutor() + ")");
    }

    /** A callback that blocks does not hold up the next one (as a pool of fixed size would). */
    @Test
    void aBlockedCallbackDoesNotHoldUpTheOthers() throws InterruptedException {
        SystemDefaults.apply();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(4);
        CountDownLatch next = new CountDownLatch(1);
        try {
            for (int i = 0; i < 4; i++) {
                InternalCompletableFuture<String> future = new InternalCompletableFuture<>();
                future.whenComplete((value, error) -> {
                    blocked.countDown();
                    try {
                        release.await(); // not a managed block: a fixed pool's thread would stay taken
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                future.complete("blocks");
            }
            assertTrue(blocked.await(20, TimeUnit.SECONDS), "the blocking callbacks did not all start");
            InternalCompletableFuture<String> future = new InternalCompletableFuture<>();
            future.whenComplete((value, error) -> next.countDown());
            future.complete("next");
            assertTrue(next.await(20, TimeUnit.SECONDS), "a callback waited behind 4 blocked ones");
        } finally {
            release.countDown();
        }
    }
}
