package dev.grid.core.impl;

import com.hazelcast.internal.util.ConcurrencyUtil;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where Hazelcast runs the callbacks of its futures (an invocation's {@code whenComplete}, {@code thenApply} and the
 * like, given no executor): its default async executor, which is the common {@link ForkJoinPool} when that pool has a
 * parallelism above 1, and otherwise a new thread for every callback. The common pool's parallelism is the number of
 * cores minus one, so on a machine with 2 cores each answer of an operation with a callback started and ended a thread
 * (a member answering a query from another member, a client's answer, every continuation): measured on 2 cores, a
 * member-local GridMap range query ran at 551 queries/s with a thread per callback and 643 with this pool on a quiet
 * machine, 107 and 187 on a loaded one.
 * <p>
 * {@link #install()} gives Hazelcast a cached pool instead ({@code grid-async-N} daemon threads), once per JVM, and only
 * where the default would be a thread per callback: with a common pool of parallelism 2 or more (more cores, or
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism}) nothing changes. A callback runs on an idle thread of
 * the pool, or on a new one when every thread is busy, as with a thread per callback: a callback that blocks (a lock, a
 * full queue) never holds up the others, which a pool of fixed size would (a change capture's topic lookup waited for
 * its answer's callback behind blocked ones once in a fault test). Idle threads end after {@link #IDLE_SECONDS} s.
 */
final class AsyncCallbackExecutor {
    /** How long a thread of the pool waits for a callback before it ends. */
    static final long IDLE_SECONDS = 60;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static ThreadPoolExecutor pool;

    private AsyncCallbackExecutor() {
    }

    /** Gives Hazelcast this pool for its callbacks if its default would start a thread for each. */
    static synchronized void install() {
        Executor current = ConcurrencyUtil.getDefaultAsyncExecutor();
        if (!startsThreadPerCallback(ForkJoinPool.getCommonPoolParallelism(), current)) {
            return;
        }
        if (pool == null) {
            pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    AsyncCallbackExecutor::newThread);
        }
        ConcurrencyUtil.setDefaultAsyncExecutor(pool);
    }

    /**
     * @param commonParallelism the common pool's parallelism
     * @param current           Hazelcast's default async executor now
     * @return whether that executor is Hazelcast's thread per callback (it chose one because the common pool could not
     *         run callbacks in parallel, and nobody has replaced it with a pool since)
     */
    static boolean startsThreadPerCallback(int commonParallelism, Executor current) {
        return commonParallelism <= 1 && !(current instanceof ForkJoinPool) && !(current instanceof ThreadPoolExecutor);
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "grid-async-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
