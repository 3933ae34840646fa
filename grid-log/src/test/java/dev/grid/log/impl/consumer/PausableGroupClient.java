package dev.grid.log.impl.consumer;

import dev.grid.log.LogException;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupAssignment;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.GroupMemberInfo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A consumer's group client that the test can pause: while paused every call fails at once, as if the consumer's network were cut. */
final class PausableGroupClient implements GroupClient {
    private final GroupClient delegate;
    private volatile boolean paused;

    PausableGroupClient(GroupClient delegate) {
        this.delegate = delegate;
    }

    void pause(boolean paused) {
        this.paused = paused;
    }

    private <T> CompletableFuture<T> unlessPaused(Supplier<CompletableFuture<T>> call) {
        return paused ? CompletableFuture.failedFuture(new LogException("paused by the test")) : call.get();
    }

    @Override
    public String group() {
        return delegate.group();
    }

    @Override
    public CompletableFuture<GroupAssignment> join(String memberId, String label, List<String> topics, long sessionTimeoutMillis,
                                                   Map<String, Integer> partitionCounts, Set<TopicPartition> owned) {
        return unlessPaused(() -> delegate.join(memberId, label, topics, sessionTimeoutMillis, partitionCounts, owned));
    }

    @Override
    public CompletableFuture<GroupAssignment> heartbeat(String memberId, Set<TopicPartition> owned) {
        return unlessPaused(() -> delegate.heartbeat(memberId, owned));
    }

    @Override
    public CompletableFuture<Boolean> leave(String memberId) {
        return unlessPaused(() -> delegate.leave(memberId));
    }

    @Override
    public CompletableFuture<Void> commit(String memberId, Map<TopicPartition, Long> offsets) {
        return unlessPaused(() -> delegate.commit(memberId, offsets));
    }

    @Override
    public CompletableFuture<Map<Integer, Long>> committedOffsets(String topic) {
        return unlessPaused(() -> delegate.committedOffsets(topic));
    }

    @Override
    public CompletableFuture<List<GroupMemberInfo>> describe() {
        return delegate.describe();
    }
}
