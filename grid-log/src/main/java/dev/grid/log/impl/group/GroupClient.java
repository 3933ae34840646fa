package dev.grid.log.impl.group;

import dev.grid.log.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a consumer asks its group's coordinator, asynchronously; {@link InvokerGroupClient} sends the group's
 * operations to the coordinator's member. Answers may complete on a thread that receives them: callers must not block
 * in callbacks.
 */
public interface GroupClient {

    /** @return the group's name */
    String group();

    /**
     * Joins, or rejoins with {@code memberId} and the partitions it still owns.
     *
     * @return its member id, the generation and the partitions it may own now
     */
    CompletableFuture<GroupAssignment> join(String memberId, String label, List<String> topics, long sessionTimeoutMillis,
                                            Map<String, Integer> partitionCounts, Set<TopicPartition> owned);

    /** @return the partitions the member may own now, or that the coordinator does not know it */
    CompletableFuture<GroupAssignment> heartbeat(String memberId, Set<TopicPartition> owned);

    /** @return false if the coordinator did not know the member */
    CompletableFuture<Boolean> leave(String memberId);

    /**
     * Commits offsets (the next record to process) once the group's synchronous backups hold them.
     *
     * @return fails with {@link dev.grid.log.NotAssignedException} naming the partition if the member does not hold one of them
     */
    CompletableFuture<Void> commit(String memberId, Map<TopicPartition, Long> offsets);

    /** @return the committed offset of each partition of the topic that has one */
    CompletableFuture<Map<Integer, Long>> committedOffsets(String topic);

    /** @return the members as the coordinator sees them */
    CompletableFuture<List<GroupMemberInfo>> describe();
}
