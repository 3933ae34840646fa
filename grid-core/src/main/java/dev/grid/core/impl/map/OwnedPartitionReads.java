package dev.grid.core.impl.map;

import com.hazelcast.internal.partition.IPartition;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.PartitionSpecificRunnable;
import com.hazelcast.spi.impl.operationexecutor.OperationExecutor;
import com.hazelcast.spi.impl.operationservice.impl.OperationServiceImpl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads many partitions of this member with one task per partition thread, where one operation per partition would
 * cost an operation's dispatch, run and response for each. Hazelcast runs each partition's operations on the thread
 * {@link OperationExecutor#toPartitionThreadIndex} names, so a task on that thread may read each partition it serves
 * in turn: while it runs, none of them is written, migrated or promoted. A partition this member does not own at that
 * moment (or that is migrating) is not read but reported, for the caller to ask its owner. A task hands its thread
 * back after {@link #SLICE_NANOS} (the writes queued behind it run) and goes on in a new task.
 */
public final class OwnedPartitionReads {
    /** How long one task keeps a partition thread before it lets the queued operations run. */
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private OwnedPartitionReads() {
    }

    /**
     * What the reads gave.
     *
     * @param answers  each partition read, with what {@code read} returned for it (in no particular order)
     * @param notOwned the partitions not read: not owned by this member, or migrating, when their turn came
     */
    public record Outcome<R>(Map<Integer, R> answers, List<Integer> notOwned) {
    }

    /**
     * @param engine     this member's node engine
     * @param partitions the partitions to read, each once
     * @param read       reads one partition, on its thread, when this member owns it; must not block
     * @return completed when every partition is read or reported, or exceptionally with the first exception a read
     *         threw (the other partitions' reads are then skipped)
     */
    public static <R> CompletableFuture<Outcome<R>> run(NodeEngine engine, int[] partitions, IntFunction<R> read) {
        OperationExecutor executor = ((OperationServiceImpl) engine.getOperationService()).getOperationExecutor();
        Map<Integer, List<Integer>> byThread = new LinkedHashMap<>();
        for (int i = 0; i < partitions.length; i++) {
            byThread.computeIfAbsent(executor.toPartitionThreadIndex(partitions[i]), t -> new ArrayList<>()).add(i);
        }
        Run<R> run = new Run<>(engine, executor, partitions, read, byThread.size());
        if (byThread.isEmpty()) {
            run.done.complete(new Outcome<>(Map.of(), List.of()));
        }
        for (List<Integer> positions : byThread.values()) {
            executor.execute(run.new ThreadTask(positions.stream().mapToInt(Integer::intValue).toArray()));
        }
        return run.done;
    }

    /** One call's state: the answers by position, written by the partition threads, read once the last task ends. */
    private static final class Run<R> {
        final NodeEngine engine;
        final OperationExecutor executor;
        final int[] partitions;
        final IntFunction<R> read;
        final Object[] answers;
        final boolean[] notOwned;
        final AtomicInteger tasksLeft;
        final CompletableFuture<Outcome<R>> done = new CompletableFuture<>();

        Run(NodeEngine engine, OperationExecutor executor, int[] partitions, IntFunction<R> read, int tasks) {
            this.engine = engine;
            this.executor = executor;
            this.partitions = partitions;
            this.read = read;
            this.answers = new Object[partitions.length];
            this.notOwned = new boolean[partitions.length];
            this.tasksLeft = new AtomicInteger(tasks);
        }

        @SuppressWarnings("unchecked")
        void taskEnded() {
            // the decrement orders every task's writes of answers before the last task's reads of them
            if (tasksLeft.decrementAndGet() != 0 || done.isDone()) {
                return;
            }
            Map<Integer, R> read = new LinkedHashMap<>();
            List<Integer> missed = new ArrayList<>();
            for (int i = 0; i < partitions.length; i++) {
                if (notOwned[i]) {
                    missed.add(partitions[i]);
                } else {
                    read.put(partitions[i], (R) answers[i]);
                }
            }
            done.complete(new Outcome<>(read, missed));
        }

        /** Reads the partitions of one partition thread, in slices. */
        final class ThreadTask implements PartitionSpecificRunnable {
            private final int[] positions;
            private int next;

            ThreadTask(int[] positions) {
                this.positions = positions;
            }

            /** Any of the task's partitions names its thread: the next one to read. */
            @Override
            public int getPartitionId() {
                return partitions[positions[next]];
            }

            @Override
            public void run() {
                long sliceEnd = System.nanoTime() + SLICE_NANOS;
                try {
                    while (next < positions.length) {
                        if (done.isDone()) {
                            break; // another thread's read failed: the answer is already given
                        }
                        int position = positions[next++];
                        IPartition partition = engine.getPartitionService().getPartition(partitions[position], false);
                        if (!partition.isLocal() || partition.isMigrating() || !engine.isRunning()) {
                            notOwned[position] = true;
                        } else {
                            answers[position] = read.apply(partitions[position]);
                        }
                        if (next < positions.length && System.nanoTime() - sliceEnd > 0) {
                            executor.execute(this);
                            return;
                        }
                    }
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
                taskEnded();
            }
        }
    }
}
