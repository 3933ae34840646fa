package dev.grid.log.impl.group;

import dev.grid.log.TopicPartition;
import dev.grid.log.impl.invoke.LogInvoker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** A group's calls as operations run by the owner of the group's cluster partition, from a member or a client. */
public final class InvokerGroupClient implements GroupClient {
    private final LogInvoker invoker;
    private final String group;
    private final int partitionId;

    public InvokerGroupClient(LogInvoker invoker, String group) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.group = Objects.requireNonNull(group, "group");
        this.partitionId = invoker.partitionId(group);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public CompletableFuture<GroupAssignment> join(String memberId, String label, List<String> topics, long sessionTimeoutMillis,
                                                   Map<String, Integer> partitionCounts, Set<TopicPartition> owned) {
        return invoker.<AssignmentResponse>onPartition(partitionId, new JoinGroupOperation(group, memberId, label, List.copyOf(topics),
                        sessionTimeoutMillis, new TreeMap<>(partitionCounts), new TreeSet<>(owned)))
                .thenApply(AssignmentResponse::assignment);
    }

    @Override
    public CompletableFuture<GroupAssignment> heartbeat(String memberId, Set<TopicPartition> owned) {
        return invoker.<AssignmentResponse>onPartition(partitionId, new HeartbeatOperation(group, memberId, new TreeSet<>(owned)))
                .thenApply(AssignmentResponse::assignment);
    }

    @Override
    public CompletableFuture<Boolean> leave(String memberId) {
        return invoker.onPartition(partitionId, new LeaveGroupOperation(group, memberId));
    }

    @Override
    public CompletableFuture<Void> commit(String memberId, Map<TopicPartition, Long> offsets) {
        return invoker.<Object>onPartition(partitionId, new CommitOffsetsOperation(group, memberId, new TreeMap<>(offsets)))
                .thenApply(ignored -> null);
    }

    @Override
    public CompletableFuture<Map<Integer, Long>> committedOffsets(String topic) {
        return invoker.<CommittedOffsets>onPartition(partitionId, new FetchOffsetsOperation(group, topic)).thenApply(CommittedOffsets::offsets);
    }

    @Override
    public CompletableFuture<List<GroupMemberInfo>> describe() {
        return invoker.<GroupDescription>onPartition(partitionId, new DescribeGroupOperation(group)).thenApply(GroupDescription::members);
    }
}
