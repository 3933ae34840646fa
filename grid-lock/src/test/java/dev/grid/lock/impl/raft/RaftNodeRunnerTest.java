package dev.grid.lock.impl.raft;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trampoline executor keeps MicroRaft's contract: one task at a time, in order, never nested. */
class RaftNodeRunnerTest {
    private final RaftNodeRunner runner = new RaftNodeRunner("test-raft");

    @AfterEach
    void stop() {
        runner.shutdownNow();
    }

    @Test
    void runsTheTaskOnTheSubmittingThreadWhenIdle() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        runner.execute(() -> ranOn.set(Thread.currentThread()));
        assertEquals(Thread.currentThread(), ranOn.get());
    }

    @Test
    void aTaskSubmittedByATaskRunsAfterItNotInsideIt() {
        List<String> order = new ArrayList<>();
        runner.execute(() -> {
            order.add("outer start");
            runner.execute(() -> order.add("inner"));
            order.add("outer end");
        });
        assertEquals(List.of("outer start", "outer end", "inner"), order);
    }

    @Test
    void tasksFromManyThreadsNeverOverlapAndEachThreadsRunInOrder() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        int[] lastSeen = new int[threads]; // written by tasks only: the runner's ordering makes this safe
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 1; i <= perThread; i++) {
                    int seq = i;
                    runner.execute(() -> {
                        if (!inside.compareAndSet(false, true)) {
                            overlaps.incrementAndGet();
                        }
                        if (lastSeen[id] != seq - 1) {
                            outOfOrder.incrementAndGet();
                        }
                        lastSeen[id] = seq;
                        inside.set(false);
                        done.incrementAndGet();
                    });
                }
            });
            submitters.add(thread);
            thread.start();
        }
        for (Thread thread : submitters) {
            thread.join(30_000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> done.get() == threads * perThread);
        assertEquals(0, overlaps.get(), "tasks overlapped");
        assertEquals(0, outOfOrder.get(), "a thread's tasks ran out of order");
    }

    @Test
    void aLongBacklogMovesToTheTimerThreadAfterTheBudget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
        Thread blocker = new Thread(() -> runner.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        blocker.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> blocker.getState() == Thread.State.TIMED_WAITING);
        int backlog = 3 * RaftNodeRunner.INLINE_BUDGET;
        for (int i = 0; i < backlog; i++) {
            runner.execute(() -> ranOn.add(Thread.currentThread())); // queued: the blocker's task runs
        }
        release.countDown();
        blocker.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> ranOn.size() == backlog);
        long onBlocker = ranOn.stream().filter(thread -> thread == blocker).count();
        assertEquals(RaftNodeRunner.INLINE_BUDGET - 1, onBlocker, "the submitting thread runs its budget, then hands over");
        assertTrue(ranOn.stream().anyMatch(thread -> thread.getName().equals("test-raft")));
    }

    @Test
    void scheduledTasksRunAfterTheirDelayOnTheRunner() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        long start = System.nanoTime();
        runner.schedule(() -> ranOn.set(Thread.currentThread().getName()), 50, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> ranOn.get() != null);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        assertEquals("test-raft", ranOn.get());
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheOnesAfterIt() {
        AtomicBoolean ran = new AtomicBoolean();
        runner.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        runner.execute(() -> ran.set(true));
        assertTrue(ran.get());
    }

    @Test
    void theSubmittersInterruptStatusIsSetAsideAndRestored() {
        AtomicBoolean interruptedInside = new AtomicBoolean(true);
        Thread.currentThread().interrupt();
        try {
            runner.execute(() -> interruptedInside.set(Thread.currentThread().isInterrupted()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertFalse(interruptedInside.get());
    }

    @Test
    void workOfferedAfterTerminationIsDropped() {
        AtomicReference<String> ran = new AtomicReference<>();
        runner.onRaftNodeTerminate();
        runner.execute(() -> ran.set("execute"));
        runner.schedule(() -> ran.set("schedule"), 1, TimeUnit.MILLISECONDS);
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> ran.get() == null);
    }
}
