package dev.grid.log.impl.group;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The coordinator of one consumer group: its members, which partition each may own, and when a member's
 * session ends. Pure logic, confined to one thread (the group's cluster partition thread), driven by the
 * calls it receives and the time they pass in (milliseconds of a monotonic clock).
 *
 * <p><b>One owner at a time.</b> The coordinator records, per partition, the member that may hold it (its
 * <em>holder</em>). It computes a target assignment (sticky: partitions stay with their holders where that is
 * balanced; balanced: each member of the same subscriptions gets the floor or the ceiling of partitions over
 * members). A partition moving from A to B is first <em>revoked</em> from A: it disappears from the partitions A
 * may own, which A learns from its next heartbeat's answer; A stops reading it, commits it and reports on a later
 * heartbeat that it no longer owns it. Only then is A no longer its holder, and only then is it granted to B. The
 * partitions of a member that leaves, or whose session expires (no heartbeat for its session timeout), are free at
 * once: such a consumer has stopped reading them itself (a consumer that has not had a heartbeat answered for its
 * session timeout drops its partitions).
 *
 * <p><b>Starting afresh.</b> The coordinator keeps membership in memory only. A coordinator that starts while
 * consumers of the group may still hold partitions (after its member failed, or its partition migrated: see
 * {@code membersMayHold}) does not know who holds what: it grants no partition whose holder it has not learnt until
 * {@code graceMillis} (the longest session timeout of the group's members) has passed since it started. Members
 * that rejoin report the partitions they still own; a partition reported so is known at once, so once every
 * partition's previous holder has rejoined nothing waits.
 *
 * <p>Not thread-safe.
 */
public final class GroupCoordinator {
    /** The longest session timeout a member may ask for (as {@code ConsumerConfig} allows). */
    public static final long MAX_SESSION_TIMEOUT_MILLIS = 5 * 60_000;
    /** The most partitions one member's topics may have together: more is a mistake, or a hostile request. */
    public static final int MAX_PARTITIONS_PER_MEMBER = 100_000;
    private final String group;
    private final Supplier<String> newMemberId;
    private final long graceUntil;
    private final TreeMap<String, Member> members = new TreeMap<>();
    /** The member that may hold each partition: granted to it, or revoked and not yet reported released. */
    private final TreeMap<TopicPartition, String> holders = new TreeMap<>();
    private final TreeMap<TopicPartition, String> target = new TreeMap<>();
    private final TreeMap<String, Integer> partitionCounts = new TreeMap<>();
    /** During the grace period: partitions whose holder (or lack of one) this coordinator has learnt. */
    private final Set<TopicPartition> known = new HashSet<>();
    private int generation;
    private boolean targetStale;

    /**
     * @param group       the group's name (for messages)
     * @param now         the time it starts
     * @param graceMillis 0 when no consumer can hold any partition of the group (a group new or left by all its
     *                    members); otherwise how long to wait for the members to rejoin before granting partitions
     *                    whose holders are unknown
     * @param newMemberId makes the id of a member that joins without one
     */
    public GroupCoordinator(String group, long now, long graceMillis, Supplier<String> newMemberId) {
        if (graceMillis < 0) {
            throw new IllegalArgumentException("graceMillis must be >= 0, was " + graceMillis);
        }
        this.group = Objects.requireNonNull(group, "group");
        this.newMemberId = Objects.requireNonNull(newMemberId, "newMemberId");
        this.graceUntil = graceMillis == 0 ? Long.MIN_VALUE : now + graceMillis;
    }

    /**
     * A consumer joins, or rejoins (with the id it had, after its coordinator did not know it).
     *
     * @param memberId             the id it had, or null for a new member
     * @param label                the consumer's client or host, for display
     * @param topics               the topics it reads
     * @param sessionTimeoutMillis how long without a heartbeat until its partitions are free
     * @param partitionCounts      the partition count of each of its topics
     * @param owned                the partitions it still owns (a rejoining member), else empty
     * @param now                  the time
     * @return its id, the generation and the partitions it may own now
     */
    public GroupAssignment join(String memberId, String label, Collection<String> topics, long sessionTimeoutMillis,
                                Map<String, Integer> partitionCounts, Set<TopicPartition> owned, long now) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a member of group " + group + " must read at least one topic");
        }
        if (sessionTimeoutMillis <= 0 || sessionTimeoutMillis > MAX_SESSION_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("session timeout of a member of group " + group + " must be 1 to "
                    + MAX_SESSION_TIMEOUT_MILLIS + " ms, was " + sessionTimeoutMillis + " ms");
        }
        long total = 0;
        for (String topic : topics) {
            Integer count = partitionCounts.get(topic);
            if (count == null || count < 1 || count > GridTopicConfig.MAX_PARTITIONS) {
                throw new IllegalArgumentException("a member of group " + group + " joining for topic " + topic
                        + " must give its partition count (1 to " + GridTopicConfig.MAX_PARTITIONS + "), gave " + count);
            }
            total += count;
        }
        if (total > MAX_PARTITIONS_PER_MEMBER) {
            throw new IllegalArgumentException("a member of group " + group + " reads " + total + " partitions in " + topics.size()
                    + " topics; at most " + MAX_PARTITIONS_PER_MEMBER + " are allowed");
        }
        for (String topic : topics) {
            int count = partitionCounts.get(topic);
            Integer known = this.partitionCounts.get(topic);
            if (known == null || known < count) {
                this.partitionCounts.put(topic, count);
                targetStale = true;
            }
        }
        Member member = memberId == null ? null : members.get(memberId);
        TreeSet<String> subscription = new TreeSet<>(topics);
        if (member == null) {
            String id = memberId != null ? memberId : newMemberId.get();
            member = new Member(id, label, subscription, sessionTimeoutMillis, now);
            members.put(id, member);
            generation++;
            targetStale = true;
        } else {
            member.label = label;
            member.sessionTimeoutMillis = sessionTimeoutMillis;
            if (!member.topics.equals(subscription)) {
                member.topics = subscription;
                generation++;
                targetStale = true;
            }
        }
        member.lastHeartbeat = now;
        learnOwned(member, owned);
        rebalance(now);
        return answer(member);
    }

    /**
     * A member is alive and reports the partitions it owns now; revoked partitions it no longer reports are free.
     *
     * @return the partitions it may own now, or {@link GroupAssignment.Status#UNKNOWN_MEMBER}
     */
    public GroupAssignment heartbeat(String memberId, Set<TopicPartition> owned, long now) {
        Member member = members.get(memberId);
        if (member == null) {
            return GroupAssignment.unknownMember(generation);
        }
        member.lastHeartbeat = now;
        learnOwned(member, owned);
        rebalance(now);
        return answer(member);
    }

    /**
     * A member leaves (having stopped reading): its partitions are free at once.
     *
     * @return false if the coordinator did not know it
     */
    public boolean leave(String memberId, long now) {
        if (!remove(memberId)) {
            return false;
        }
        rebalance(now);
        return true;
    }

    /**
     * Ends the sessions of members whose last heartbeat is {@code sessionTimeout} old or older: their partitions
     * are free at once.
     *
     * @return the ids of the members removed
     */
    public List<String> expire(long now) {
        List<String> expired = new ArrayList<>();
        for (Member member : members.values()) {
            if (now - member.lastHeartbeat >= member.sessionTimeoutMillis) {
                expired.add(member.id);
            }
        }
        expired.forEach(this::remove);
        if (!expired.isEmpty()) {
            rebalance(now);
        }
        return expired;
    }

    /** @return when the next session ends if no heartbeat comes (Long.MAX_VALUE with no members) */
    public long nextDeadline() {
        long deadline = Long.MAX_VALUE;
        for (Member member : members.values()) {
            deadline = Math.min(deadline, member.lastHeartbeat + member.sessionTimeoutMillis);
        }
        return deadline;
    }

    /**
     * Checks that a member may commit offsets of these partitions: it holds each of them now (assigned, or revoked and
     * not yet released).
     *
     * @throws NotAssignedException naming the partition, the member and the group
     */
    public void checkCommit(String memberId, Collection<TopicPartition> partitions) {
        if (!members.containsKey(memberId)) {
            throw new NotAssignedException("member " + memberId + " is not a member of consumer group " + group
                    + " (its session expired, it left, or the group's coordinator moved): partitions " + new TreeSet<>(partitions)
                    + " are not assigned to it and their offsets were not committed");
        }
        for (TopicPartition partition : partitions) {
            String holder = holders.get(partition);
            if (!memberId.equals(holder)) {
                throw new NotAssignedException("partition " + partition + " is not assigned to member " + memberId
                        + " of consumer group " + group + " (" + (holder == null ? "no member holds it" : "member " + holder + " holds it")
                        + "): no offset was committed");
            }
        }
    }

    /** @return whether the coordinator knows the member */
    public boolean isMember(String memberId) {
        return members.containsKey(memberId);
    }

    /** @return whether the coordinator knows no member */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** @return the group's generation */
    public int generation() {
        return generation;
    }

    /** @return whether this coordinator still waits for the group's previous members (see the class comment) */
    public boolean inGrace(long now) {
        return now < graceUntil;
    }

    /** @return the member that may hold each partition (a copy) */
    public Map<TopicPartition, String> holders() {
        return new TreeMap<>(holders);
    }

    /** @return the target assignment: each partition's intended owner (a copy) */
    public Map<TopicPartition, String> target() {
        return new TreeMap<>(target);
    }

    /** @return the partitions a member may own now (empty if unknown) */
    public Set<TopicPartition> assigned(String memberId) {
        Member member = members.get(memberId);
        return member == null ? Set.of() : new TreeSet<>(member.granted);
    }

    /** @return the members, by id */
    public List<GroupMemberInfo> describe(long now) {
        List<GroupMemberInfo> described = new ArrayList<>();
        for (Member member : members.values()) {
            List<TopicPartition> revoking = new ArrayList<>();
            holders.forEach((partition, holder) -> {
                if (holder.equals(member.id) && !member.granted.contains(partition)) {
                    revoking.add(partition);
                }
            });
            described.add(new GroupMemberInfo(member.id, member.label, List.copyOf(member.topics), member.sessionTimeoutMillis,
                    now - member.lastHeartbeat, List.copyOf(new TreeSet<>(member.granted)), revoking));
        }
        return described;
    }

    // ---- internals ----

    private GroupAssignment answer(Member member) {
        return new GroupAssignment(GroupAssignment.Status.OK, member.id, generation, member.granted);
    }

    private boolean remove(String memberId) {
        Member member = members.remove(memberId);
        if (member == null) {
            return false;
        }
        holders.values().removeIf(memberId::equals);
        generation++;
        targetStale = true;
        return true;
    }

    /**
     * Takes a member's report of what it owns: revoked partitions it no longer owns are free; a partition it owns
     * that no member holds becomes its own (a member rejoining a fresh coordinator). A partition it reports that
     * another member holds stays that member's: the answer tells this one to drop it.
     */
    private void learnOwned(Member member, Set<TopicPartition> owned) {
        holders.entrySet().removeIf(e -> e.getValue().equals(member.id) && !member.granted.contains(e.getKey())
                && !owned.contains(e.getKey()));
        for (TopicPartition partition : owned) {
            if (!holders.containsKey(partition) && eligible(member, partition)) {
                holders.put(partition, member.id);
                known.add(partition);
                targetStale = true; // the target should keep it where it is if that is balanced
            }
        }
    }

    private boolean eligible(Member member, TopicPartition partition) {
        Integer count = partitionCounts.get(partition.topic());
        return count != null && partition.partition() < count && member.topics.contains(partition.topic());
    }

    private void rebalance(long now) {
        if (targetStale) {
            computeTarget();
            targetStale = false;
        }
        boolean inGrace = now < graceUntil;
        if (!inGrace && !known.isEmpty()) {
            known.clear();
        }
        for (Member member : members.values()) {
            member.granted.removeIf(partition -> !member.id.equals(target.get(partition)));
        }
        for (Map.Entry<TopicPartition, String> entry : target.entrySet()) {
            TopicPartition partition = entry.getKey();
            Member member = members.get(entry.getValue());
            String holder = holders.get(partition);
            if (holder == null) {
                if (inGrace && !known.contains(partition)) {
                    continue; // a member that has not rejoined yet may still read it
                }
                holders.put(partition, member.id);
                if (inGrace) {
                    known.add(partition);
                }
                member.granted.add(partition);
            } else if (holder.equals(member.id)) {
                member.granted.add(partition);
            }
            // else: revoked from its holder, granted once the holder reports it released
        }
    }

    /**
     * A balanced target that moves as few partitions as it can: every partition starts with its holder (or its
     * previous target) if that member still reads its topic; the rest go to the eligible member with the fewest;
     * then partitions move from a member with the most to one with at least two fewer, until none can.
     */
    private void computeTarget() {
        Map<String, TreeSet<TopicPartition>> assigned = new TreeMap<>();
        members.keySet().forEach(id -> assigned.put(id, new TreeSet<>()));
        TreeMap<TopicPartition, String> next = new TreeMap<>();
        List<TopicPartition> unassigned = new ArrayList<>();
        Set<String> subscribed = new TreeSet<>();
        members.values().forEach(m -> subscribed.addAll(m.topics));
        for (String topic : subscribed) {
            int count = partitionCounts.get(topic);
            for (int p = 0; p < count; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                String start = startingOwner(partition);
                if (start != null) {
                    next.put(partition, start);
                    assigned.get(start).add(partition);
                } else {
                    unassigned.add(partition);
                }
            }
        }
        for (TopicPartition partition : unassigned) {
            Member least = null;
            for (Member member : members.values()) {
                if (eligible(member, partition) && (least == null || assigned.get(member.id).size() < assigned.get(least.id).size())) {
                    least = member;
                }
            }
            if (least != null) { // always: the topic is subscribed by some member
                next.put(partition, least.id);
                assigned.get(least.id).add(partition);
            }
        }
        Comparator<String> byCount = Comparator.<String>comparingInt(id -> assigned.get(id).size()).thenComparing(id -> id);
        while (true) {
            List<String> ascending = new ArrayList<>(assigned.keySet());
            ascending.sort(byCount);
            boolean moved = false;
            for (int h = ascending.size() - 1; h > 0 && !moved; h--) {
                String most = ascending.get(h);
                for (int l = 0; l < h; l++) {
                    String fewest = ascending.get(l);
                    if (assigned.get(most).size() - assigned.get(fewest).size() < 2) {
                        break;
                    }
                    TopicPartition partition = pickToMove(assigned.get(most), most, members.get(fewest));
                    if (partition != null) {
                        assigned.get(most).remove(partition);
                        assigned.get(fewest).add(partition);
                        next.put(partition, fewest);
                        moved = true;
                        break;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        target.clear();
        target.putAll(next);
    }

    private String startingOwner(TopicPartition partition) {
        String holder = holders.get(partition);
        if (holder != null && eligible(members.get(holder), partition)) {
            return holder;
        }
        String previous = target.get(partition);
        if (previous != null && members.containsKey(previous) && eligible(members.get(previous), partition)) {
            return previous;
        }
        return null;
    }

    /** Prefers a partition already heading to {@code to}, then one {@code from} does not hold yet, then the last. */
    private TopicPartition pickToMove(TreeSet<TopicPartition> candidates, String from, Member to) {
        TopicPartition notHeld = null;
        TopicPartition last = null;
        for (TopicPartition partition : candidates.descendingSet()) {
            if (!eligible(to, partition)) {
                continue;
            }
            if (to.id.equals(target.get(partition))) {
                return partition;
            }
            if (notHeld == null && !from.equals(holders.get(partition))) {
                notHeld = partition;
            }
            if (last == null) {
                last = partition;
            }
        }
        return notHeld != null ? notHeld : last;
    }

    private static final class Member {
        final String id;
        String label;
        TreeSet<String> topics;
        long sessionTimeoutMillis;
        long lastHeartbeat;
        final Set<TopicPartition> granted = new LinkedHashSet<>();

        Member(String id, String label, TreeSet<String> topics, long sessionTimeoutMillis, long now) {
            this.id = id;
            this.label = label;
            this.topics = topics;
            this.sessionTimeoutMillis = sessionTimeoutMillis;
            this.lastHeartbeat = now;
        }
    }
}
