package dev.grid.log.impl.group;

import dev.grid.log.TopicPartition;

import java.util.Set;

/**
 * A coordinator's answer to a join or a heartbeat.
 *
 * @param status     {@link Status#OK}, or {@link Status#UNKNOWN_MEMBER} when the coordinator does not know the member
 *                   (its session expired, it left, or the coordinator started afresh): the consumer rejoins
 * @param memberId   the member's id in the group (null with UNKNOWN_MEMBER)
 * @param generation the group's generation: it grows with every change of membership or subscriptions
 * @param partitions the partitions the member may own now (empty with UNKNOWN_MEMBER); any partition it owns and
 *                   that is not here is revoked: it stops reading it, commits it, and reports it no longer owns it
 */
public record GroupAssignment(Status status, String memberId, int generation, Set<TopicPartition> partitions) {

    /** Whether the coordinator knows the member. */
    public enum Status {
        OK,
        UNKNOWN_MEMBER
    }

    public GroupAssignment {
        partitions = Set.copyOf(partitions);
    }

    static GroupAssignment unknownMember(int generation) {
        return new GroupAssignment(Status.UNKNOWN_MEMBER, null, generation, Set.of());
    }

    public boolean isUnknownMember() {
        return status == Status.UNKNOWN_MEMBER;
    }
}
