package dev.grid.lock.impl.raft;

import io.microraft.MembershipChangeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CP leader's membership decisions, on a model of the group and the cluster, with time set by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MembershipPlannerTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final UUID a = uuid("a");
    private final UUID b = uuid("b");
    private final UUID c = uuid("c");
    private static final long LEARNER_TIMEOUT = 30 * SECOND;
    private final MembershipPlanner atOnce = new MembershipPlanner(3, 0, LEARNER_TIMEOUT);

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A group and the cluster around it, changed the way MicroRaft and Hazelcast would change them. */
    private final class Model {
        final Set<UUID> members = new LinkedHashSet<>();
        final Set<UUID> voting = new HashSet<>();
        final Map<UUID, Long> matched = new HashMap<>();
        final List<UUID> cluster = new ArrayList<>();
        final Map<UUID, Long> goneSince = new HashMap<>();
        final Map<UUID, Long> learnerSince = new HashMap<>();
        final Set<UUID> initial;
        long commitIndex = 1000;
        long now;

        Model(UUID... initialMembers) {
            initial = Set.of(initialMembers);
            for (UUID member : initialMembers) {
                members.add(member);
                voting.add(member);
                cluster.add(member);
            }
        }

        void kill(UUID member) {
            cluster.remove(member);
            goneSince.put(member, now);
        }

        void join(UUID member) {
            cluster.add(member);
        }

        Optional<MembershipPlanner.Step> next(MembershipPlanner planner) {
            Map<UUID, Long> matches = new HashMap<>(matched);
            return planner.next(new MembershipPlanner.Group(new ArrayList<>(members), voting, commitIndex, matches, learnerSince),
                    new MembershipPlanner.Cluster(cluster, goneSince, initial), now);
        }

        /** Applies the step as a committed change. */
        void apply(MembershipPlanner.Step step) {
            switch (step.mode()) {
                case REMOVE_MEMBER -> {
                    members.remove(step.member());
                    voting.remove(step.member());
                    goneSince.remove(step.member());
                    learnerSince.remove(step.member());
                }
                case ADD_LEARNER -> {
                    members.add(step.member());
                    matched.put(step.member(), 0L);
                    learnerSince.put(step.member(), now);
                }
                default -> {
                    voting.add(step.member());
                    learnerSince.remove(step.member());
                }
            }
        }

        void catchUp(UUID learner) {
            matched.put(learner, commitIndex);
        }

        int failuresTolerated() {
            return Quorum.failuresTolerated(voting, cluster::contains);
        }
    }

    private static void assertStep(MembershipChangeMode mode, UUID member, Optional<MembershipPlanner.Step> step) {
        assertTrue(step.isPresent(), "expected " + mode + " of " + member + ", got no step");
        assertEquals(mode, step.get().mode(), step.get().toString());
        assertEquals(member, step.get().member(), step.get().toString());
    }

    @Test
    void aFullHealthyGroupNeedsNoChange() {
        Model model = new Model(a, b, c);
        assertEquals(Optional.empty(), model.next(atOnce));
        assertEquals(1, model.failuresTolerated());
    }

    @Test
    void aMemberTheClusterRemovedLeavesTheGroupAtOnce() {
        Model model = new Model(a, b, c);
        model.kill(c);
        assertStep(MembershipChangeMode.REMOVE_MEMBER, c, model.next(atOnce));
    }

    @Test
    void withARemovalDelayTheMemberLeavesOnlyOnceTheDelayHasPassed() {
        MembershipPlanner delayed = new MembershipPlanner(3, 5 * SECOND, LEARNER_TIMEOUT);
        Model model = new Model(a, b, c);
        model.kill(c);
        model.now += 5 * SECOND - 1;
        assertEquals(Optional.empty(), model.next(delayed));
        model.now += 1;
        assertStep(MembershipChangeMode.REMOVE_MEMBER, c, model.next(delayed));
    }

    @Test
    void aMissingMemberWithoutADepartureTimeCountsAsGoneFromNow() {
        MembershipPlanner delayed = new MembershipPlanner(3, 5 * SECOND, LEARNER_TIMEOUT);
        Model model = new Model(a, b, c);
        model.cluster.remove(c); // gone before this leader heard of it
        assertEquals(Optional.empty(), model.next(delayed));
        assertStep(MembershipChangeMode.REMOVE_MEMBER, c, model.next(atOnce));
    }

    @Test
    void aRemovalTheRemainingVotersCannotCommitIsNotTried() {
        Model model = new Model(a, b, c);
        model.kill(b);
        model.kill(c);
        assertEquals(Optional.empty(), model.next(atOnce), "{a} alone is no majority of {a, b} or {a, c}");
    }

    @Test
    void ofTwoDeadMembersOfFiveBothAreRemovedOneAtATime() {
        UUID d = uuid("d");
        UUID e = uuid("e");
        MembershipPlanner five = new MembershipPlanner(5, 0, LEARNER_TIMEOUT);
        Model model = new Model(a, b, c, d, e);
        model.kill(d);
        model.kill(e);
        assertEquals(0, model.failuresTolerated(), "3 of 5: no further loss tolerated while they are voters");
        MembershipPlanner.Step first = model.next(five).orElseThrow();
        assertEquals(MembershipChangeMode.REMOVE_MEMBER, first.mode());
        model.apply(first);
        MembershipPlanner.Step second = model.next(five).orElseThrow();
        assertEquals(MembershipChangeMode.REMOVE_MEMBER, second.mode());
        model.apply(second);
        assertEquals(Set.of(a, b, c), model.voting);
        assertEquals(1, model.failuresTolerated(), "3 of 3 tolerate one more loss");
    }

    @Test
    void aRestartedMemberIsANewMemberAddedAsALearnerOnlyOnceTheDeadOneIsOut() {
        Model model = new Model(a, b, c);
        model.kill(c);
        UUID restartedC = uuid("c, restarted");
        model.join(restartedC);
        MembershipPlanner.Step removal = model.next(atOnce).orElseThrow();
        assertStep(MembershipChangeMode.REMOVE_MEMBER, c, Optional.of(removal));
        model.apply(removal);
        assertStep(MembershipChangeMode.ADD_LEARNER, restartedC, model.next(atOnce));
    }

    @Test
    void aLearnerIsPromotedOnlyOnceItHasCaughtUp() {
        Model model = new Model(a, b, c);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        UUID d = uuid("d");
        model.join(d);
        model.apply(model.next(atOnce).orElseThrow());
        assertEquals(Optional.empty(), model.next(atOnce), "a learner far behind is not promoted, and no second learner is added");
        model.matched.put(d, model.commitIndex - MembershipPlanner.CATCH_UP_SLACK - 1);
        assertEquals(Optional.empty(), model.next(atOnce));
        model.matched.put(d, model.commitIndex - MembershipPlanner.CATCH_UP_SLACK);
        assertStep(MembershipChangeMode.ADD_OR_PROMOTE_TO_FOLLOWER, d, model.next(atOnce));
    }

    @Test
    void aDeadLearnerIsRemovedAndTheNextCandidateTakesItsPlace() {
        Model model = new Model(a, b, c);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        UUID d = uuid("d");
        UUID e = uuid("e");
        model.join(d);
        model.join(e);
        model.apply(model.next(atOnce).orElseThrow());
        model.kill(d);
        assertStep(MembershipChangeMode.REMOVE_MEMBER, d, model.next(atOnce));
        model.apply(model.next(atOnce).orElseThrow());
        assertStep(MembershipChangeMode.ADD_LEARNER, e, model.next(atOnce));
    }

    @Test
    void initialLeavingAndRefusedMembersAreNeverAdded() {
        Model model = new Model(a, b, c);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        model.join(c); // cannot happen with Hazelcast (a restart has a new UUID), but MicroRaft would refuse it
        UUID refused = uuid("refused");
        model.join(refused);
        Optional<MembershipPlanner.Step> step = atOnce.next(new MembershipPlanner.Group(new ArrayList<>(model.members), model.voting,
                model.commitIndex, model.matched, model.learnerSince),
                new MembershipPlanner.Cluster(model.cluster, model.goneSince, Set.of(a, b, c, refused)), 0);
        assertEquals(Optional.empty(), step);
    }

    @Test
    void theOldestCandidateIsAddedFirst() {
        Model model = new Model(a, b, c);
        UUID older = uuid("older");
        UUID younger = uuid("younger");
        model.join(older);
        model.join(younger);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        assertStep(MembershipChangeMode.ADD_LEARNER, older, model.next(atOnce));
    }

    /**
     * Issue 11: kill one member, restart it, kill another once the group has re-admitted the
     * restarted one. Two of three members are alive throughout, and the group keeps its majority.
     */
    @Test
    void killRestartKillKeepsAMajorityOnceTheRestartedMemberIsAVoter() {
        Model model = new Model(a, b, c);
        model.kill(c);
        assertEquals(0, model.failuresTolerated());
        UUID restartedC = uuid("c, restarted");
        model.join(restartedC);
        for (int steps = 0; steps < 3; steps++) {
            MembershipPlanner.Step step = model.next(atOnce).orElseThrow();
            model.apply(step);
            if (step.mode() == MembershipChangeMode.ADD_LEARNER) {
                assertEquals(0, model.failuresTolerated(), "a learner does not count until it is promoted");
                model.catchUp(step.member());
            }
        }
        assertEquals(Set.of(a, b, restartedC), model.voting);
        assertEquals(1, model.failuresTolerated());
        assertEquals(Optional.empty(), model.next(atOnce));

        model.kill(b);
        assertTrue(Quorum.hasMajority(model.voting, model.cluster::contains), "a and the restarted c are a majority");
        assertStep(MembershipChangeMode.REMOVE_MEMBER, b, model.next(atOnce));
    }

    /** The same with the old rule (dead voters kept for a minute): the second loss leaves one of three voters. */
    @Test
    void keepingTheDeadVoterLosesTheMajorityAtTheSecondLoss() {
        MembershipPlanner minute = new MembershipPlanner(3, TimeUnit.MINUTES.toNanos(1), LEARNER_TIMEOUT);
        Model model = new Model(a, b, c);
        model.kill(c);
        model.join(uuid("c, restarted"));
        model.now += 15 * SECOND;
        assertEquals(Optional.empty(), model.next(minute), "the restarted member waits outside the group");
        model.kill(b);
        assertEquals(false, Quorum.hasMajority(model.voting, model.cluster::contains));
    }

    @Test
    void aLearnerThatDoesNotCatchUpIsGivenUpOnSoTheNextCandidateGetsItsTurn() {
        Model model = new Model(a, b, c);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        UUID stuck = uuid("merged back under a new UUID, its Raft node still the old one");
        UUID next = uuid("next");
        model.join(stuck);
        model.join(next);
        model.apply(model.next(atOnce).orElseThrow());
        model.matched.remove(stuck); // it never answers
        model.now += LEARNER_TIMEOUT - 1;
        assertEquals(Optional.empty(), model.next(atOnce));
        model.now += 1;
        MembershipPlanner.Step giveUp = model.next(atOnce).orElseThrow();
        assertStep(MembershipChangeMode.REMOVE_MEMBER, stuck, Optional.of(giveUp));
        assertTrue(giveUp.giveUp(), giveUp.toString());
        model.apply(giveUp);
        Set<UUID> neverAdd = new HashSet<>(model.initial);
        neverAdd.add(stuck); // what the leader does with a member it gave up on
        Optional<MembershipPlanner.Step> step = atOnce.next(new MembershipPlanner.Group(new ArrayList<>(model.members), model.voting,
                model.commitIndex, model.matched, model.learnerSince), new MembershipPlanner.Cluster(model.cluster, model.goneSince, neverAdd),
                model.now);
        assertStep(MembershipChangeMode.ADD_LEARNER, next, step);
    }

    @Test
    void aSlowLearnerThatCaughtUpIsPromotedNotGivenUpOn() {
        Model model = new Model(a, b, c);
        model.kill(c);
        model.apply(model.next(atOnce).orElseThrow());
        UUID d = uuid("d");
        model.join(d);
        model.apply(model.next(atOnce).orElseThrow());
        model.now += 2 * LEARNER_TIMEOUT;
        model.catchUp(d);
        assertStep(MembershipChangeMode.ADD_OR_PROMOTE_TO_FOLLOWER, d, model.next(atOnce));
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirValue() {
        assertEquals("grid.cp.memberCount must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new MembershipPlanner(-1, 0, 1)).getMessage());
        assertEquals("grid.cp.missingMemberRemovalTimeout must be >= 0, was -1 ns",
                assertThrows(IllegalArgumentException.class, () -> new MembershipPlanner(3, -1, 1)).getMessage());
        assertEquals("the learner timeout must be > 0, was 0 ns",
                assertThrows(IllegalArgumentException.class, () -> new MembershipPlanner(3, 0, 0)).getMessage());
    }
}
