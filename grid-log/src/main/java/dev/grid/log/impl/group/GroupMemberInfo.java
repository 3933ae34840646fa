package dev.grid.log.impl.group;

import dev.grid.log.TopicPartition;

import java.util.List;

/**
 * One member of a consumer group as its coordinator sees it.
 *
 * @param memberId           the member's id
 * @param label              what the consumer called itself (client or host), for display
 * @param topics             the topics it subscribes to
 * @param sessionTimeoutMillis how long the coordinator waits for its heartbeat
 * @param millisSinceHeartbeat how long ago its last heartbeat (or join) arrived
 * @param assigned           the partitions it may own now
 * @param revoking           partitions taken from it that it has not yet reported released
 */
public record GroupMemberInfo(String memberId, String label, List<String> topics, long sessionTimeoutMillis, long millisSinceHeartbeat,
                              List<TopicPartition> assigned, List<TopicPartition> revoking) {
}
