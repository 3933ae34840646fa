package dev.grid.lock.impl.raft;

import io.microraft.MembershipChangeMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decides the next change the CP leader makes to the group's membership, from what the leader
 * sees; it keeps no state and reads no clock (the caller passes the time), so every rule is tested
 * without a cluster. One change at a time, the first that applies:
 * <ol>
 *   <li><b>remove</b> a member the cluster has removed, once it has been gone for the removal delay
 *       ({@code grid.cp.missingMemberRemovalTimeout}, default 0): a member the cluster removed never
 *       comes back under the same UUID (a restart is a new member), so keeping it only counts a dead
 *       voter in the majority and keeps its replacement out. Only a removal the remaining voting
 *       members can commit (a majority of them present) is tried;</li>
 *   <li><b>promote</b> a learner that has caught up with the log (within {@value #CATCH_UP_SLACK}
 *       entries of the commit index) to a voting member, if the group with it can commit;</li>
 *   <li><b>give up on</b> (remove, and never add again) a learner that has not caught up within the
 *       learner timeout: it would otherwise keep every other candidate out, as one learner at a time
 *       is added (a member whose Raft node answers under another identity, e.g. one that merged back
 *       after a split brain with a new UUID, never catches up);</li>
 *   <li><b>add as a learner</b> the oldest data member outside the group, when the group has fewer
 *       than {@code grid.cp.memberCount} members and no learner. Never one of the members the group
 *       was formed with (MicroRaft never re-adds those), never one that is leaving or was refused.
 *       A learner does not vote, so it cannot weaken the majority while it catches up.</li>
 * </ol>
 */
final class MembershipPlanner {
    /** A learner within this many entries of the commit index counts as caught up. */
    static final long CATCH_UP_SLACK = 50;

    private final int memberCount;
    private final long removalDelayNanos;
    private final long learnerTimeoutNanos;

    /**
     * @param memberCount         the group's target size ({@code grid.cp.memberCount})
     * @param removalDelayNanos   how long a member may be gone from the cluster before it is removed
     * @param learnerTimeoutNanos how long a learner may take to catch up before the group gives up on it
     */
    MembershipPlanner(int memberCount, long removalDelayNanos, long learnerTimeoutNanos) {
        if (memberCount < 0) {
            throw new IllegalArgumentException("grid.cp.memberCount must be >= 0, was " + memberCount);
        }
        if (removalDelayNanos < 0) {
            throw new IllegalArgumentException("grid.cp.missingMemberRemovalTimeout must be >= 0, was " + removalDelayNanos + " ns");
        }
        if (learnerTimeoutNanos <= 0) {
            throw new IllegalArgumentException("the learner timeout must be > 0, was " + learnerTimeoutNanos + " ns");
        }
        this.memberCount = memberCount;
        this.removalDelayNanos = removalDelayNanos;
        this.learnerTimeoutNanos = learnerTimeoutNanos;
    }

    /**
     * The group's committed membership as the leader sees it.
     *
     * @param learnerSince when (the caller's clock) the leader first saw each learner; a learner
     *                     without an entry counts as seen now
     */
    record Group(List<UUID> members, Set<UUID> voting, long commitIndex, Map<UUID, Long> matchIndices, Map<UUID, Long> learnerSince) {
        Group {
            members = List.copyOf(members);
            voting = Set.copyOf(voting);
            matchIndices = Map.copyOf(matchIndices);
            learnerSince = Map.copyOf(learnerSince);
        }

        List<UUID> learners() {
            List<UUID> learners = new ArrayList<>(members);
            learners.removeAll(voting);
            return learners;
        }
    }

    /** The cluster around the group. */
    record Cluster(List<UUID> dataMembers, Map<UUID, Long> goneSince, Set<UUID> neverAdd) {
        Cluster {
            dataMembers = List.copyOf(dataMembers);
            goneSince = Map.copyOf(goneSince);
            neverAdd = Set.copyOf(neverAdd);
        }

        boolean present(UUID member) {
            return dataMembers.contains(member);
        }
    }

    /**
     * One membership change, and why (for the log).
     *
     * @param giveUp true if the member, once removed, must never be added again
     */
    record Step(MembershipChangeMode mode, UUID member, String reason, boolean giveUp) {
        Step(MembershipChangeMode mode, UUID member, String reason) {
            this(mode, member, reason, false);
        }
    }

    /**
     * @param now the caller's clock (nanoseconds), the one {@code cluster.goneSince} was read from; a
     *            missing member without an entry there counts as gone since {@code now}
     * @return the change to make now, if any
     */
    Optional<Step> next(Group group, Cluster cluster, long now) {
        for (UUID member : group.members()) {
            if (cluster.present(member)) {
                continue;
            }
            long gone = now - cluster.goneSince().getOrDefault(member, now);
            if (gone >= removalDelayNanos && canCommitWithout(group, cluster, member)) {
                return Optional.of(new Step(MembershipChangeMode.REMOVE_MEMBER, member,
                        "it left the cluster " + TimeUnit.NANOSECONDS.toMillis(gone) + " ms ago"));
            }
        }
        List<UUID> learners = group.learners();
        for (UUID learner : learners) {
            Long matched = group.matchIndices().get(learner);
            boolean caughtUp = matched != null && matched >= group.commitIndex() - CATCH_UP_SLACK;
            if (caughtUp && cluster.present(learner) && canCommitWith(group, cluster, learner)) {
                return Optional.of(new Step(MembershipChangeMode.ADD_OR_PROMOTE_TO_FOLLOWER, learner,
                        "it has caught up (log index " + matched + " of " + group.commitIndex() + ")"));
            }
            long learning = now - group.learnerSince().getOrDefault(learner, now);
            if (!caughtUp && learning >= learnerTimeoutNanos && canCommitWithout(group, cluster, learner)) {
                return Optional.of(new Step(MembershipChangeMode.REMOVE_MEMBER, learner, "it has not caught up in "
                        + TimeUnit.NANOSECONDS.toMillis(learning) + " ms as a learner (log index " + (matched == null ? "none" : matched)
                        + " of " + group.commitIndex() + "); it will not be added again", true));
            }
        }
        if (group.members().size() < memberCount && learners.isEmpty()) {
            for (UUID candidate : cluster.dataMembers()) {
                if (!group.members().contains(candidate) && !cluster.neverAdd().contains(candidate)) {
                    return Optional.of(new Step(MembershipChangeMode.ADD_LEARNER, candidate,
                            "the group has " + group.members().size() + " of " + memberCount + " members (grid.cp.memberCount)"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean canCommitWithout(Group group, Cluster cluster, UUID member) {
        Collection<UUID> voting = new ArrayList<>(group.voting());
        voting.remove(member);
        return Quorum.hasMajority(voting, cluster::present);
    }

    private static boolean canCommitWith(Group group, Cluster cluster, UUID learner) {
        Collection<UUID> voting = new ArrayList<>(group.voting());
        voting.add(learner);
        return Quorum.hasMajority(voting, cluster::present);
    }
}
