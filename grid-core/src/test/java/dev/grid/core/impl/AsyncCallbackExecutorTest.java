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
    }

    /**
     * Whatever the machine: once grid's defaults are applied, the callbacks of Hazelcast's futures run on a bounded pool
     * of threads, not on a new thread each (Hazelcast's default where the common pool has parallelism 1, as on 2 cores).
     */
    @Test
    void callbacksOfHazelcastFuturesRunOnABoundedPool() throws InterruptedException {
        SystemDefaults.apply();
        int callbacks = 64;
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch ran = new CountDownLatch(callbacks);
        InternalCompletableFuture<String> future = new InternalCompletableFuture<>();
        for (int i = 0; i < callbacks; i++) {
            future.whenComplete((value, error) -> {
                threads.add(Thread.currentThread());
                ran.countDown();
            });
        }
        future.complete("answer");
        assertTrue(ran.await(20, TimeUnit.SECONDS), "callbacks not run: " + ran.getCount() + " left");
        int bound = Math.max(ForkJoinPool.getCommonPoolParallelism(), AsyncCallbackExecutor.PARALLELISM);
        assertTrue(threads.size() <= bound, callbacks + " callbacks ran on " + threads.size() + " threads, more than " + bound
                + " (common pool parallelism " + ForkJoinPool.getCommonPoolParallelism() + ", Hazelcast's executor "
                + ConcurrencyUtil.getDefaultAsyncExecutor() + ")");
    }
}
