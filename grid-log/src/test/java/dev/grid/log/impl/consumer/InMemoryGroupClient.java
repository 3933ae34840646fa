package dev.grid.log.impl.consumer;

import dev.grid.log.LogException;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupAssignment;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.GroupCoordinator;
import dev.grid.log.impl.group.GroupMemberInfo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A group's coordinator in the test's JVM, without Hazelcast: a {@link GroupCoordinator} and a map of committed
 * offsets behind one lock, a timer that ends sessions every 10 ms, and a switch that cuts one member off (its calls
 * fail, as over a broken network).
 */
public final class InMemoryGroupClient implements AutoCloseable {
    private final String group;
    private final GroupCoordinator coordinator;
    private final Map<TopicPartition, Long> offsets = new TreeMap<>();
    private final Set<String> cut = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "in-memory-coordinator");
        thread.setDaemon(true);
        return thread;
    });

    public InMemoryGroupClient(String group) {
        this.group = group;
        this.coordinator = new GroupCoordinator(group, now(), 0, () -> "member-" + ids.incrementAndGet());
        timer.scheduleWithFixedDelay(() -> {
            synchronized (this) {
                coordinator.expire(now());
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    /** Cuts a member off (true) or reconnects it (false). */
    public void cut(String memberId, boolean off) {
        if (off) {
            cut.add(memberId);
        } else {
            cut.remove(memberId);
        }
    }

    public synchronized Map<TopicPartition, String> holders() {
        return coordinator.holders();
    }

    public synchronized Map<TopicPartition, Long> committed() {
        return new TreeMap<>(offsets);
    }

    /** @return a client for one consumer (calls of a member cut off fail) */
    public GroupClient client() {
        return new GroupClient() {
            @Override
            public String group() {
                return group;
            }

            @Override
            public CompletableFuture<GroupAssignment> join(String memberId, String label, List<String> topics, long sessionTimeoutMillis,
                                                           Map<String, Integer> partitionCounts, Set<TopicPartition> owned) {
                return call(memberId, () -> coordinator.join(memberId, label, topics, sessionTimeoutMillis, partitionCounts, owned, now()));
            }

            @Override
            public CompletableFuture<GroupAssignment> heartbeat(String memberId, Set<TopicPartition> owned) {
                return call(memberId, () -> coordinator.heartbeat(memberId, owned, now()));
            }

            @Override
            public CompletableFuture<Boolean> leave(String memberId) {
                return call(memberId, () -> coordinator.leave(memberId, now()));
            }

            @Override
            public CompletableFuture<Void> commit(String memberId, Map<TopicPartition, Long> committed) {
                return call(memberId, () -> {
                    coordinator.checkCommit(memberId, committed.keySet());
                    offsets.putAll(committed);
                    return null;
                });
            }

            @Override
            public CompletableFuture<Map<Integer, Long>> committedOffsets(String topic) {
                return call(null, () -> {
                    Map<Integer, Long> answer = new TreeMap<>();
                    offsets.forEach((p, o) -> {
                        if (p.topic().equals(topic)) {
                            answer.put(p.partition(), o);
                        }
                    });
                    return answer;
                });
            }

            @Override
            public CompletableFuture<List<GroupMemberInfo>> describe() {
                return call(null, () -> coordinator.describe(now()));
            }
        };
    }

    private interface Call<T> {
        T run();
    }

    private <T> CompletableFuture<T> call(String memberId, Call<T> call) {
        if (memberId != null && cut.contains(memberId)) {
            return CompletableFuture.failedFuture(new LogException("member " + memberId + " is cut off from the coordinator"));
        }
        try {
            synchronized (this) {
                return CompletableFuture.completedFuture(call.run());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
