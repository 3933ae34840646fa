package dev.grid.log.impl.group;

import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class GroupCoordinatorTest {
    private static final long SESSION = 10_000;
    private static final Map<String, Integer> ORDERS_8 = Map.of("orders", 8);

    private final AtomicInteger ids = new AtomicInteger();
    private long now = 1_000;

    private GroupCoordinator coordinator(long graceMillis) {
        return new GroupCoordinator("g", now, graceMillis, () -> "m" + ids.incrementAndGet());
    }

    private static Set<TopicPartition> orders(int... partitions) {
        return IntStream.of(partitions).mapToObj(p -> new TopicPartition("orders", p)).collect(Collectors.toCollection(TreeSet::new));
    }

    private GroupAssignment join(GroupCoordinator coordinator) {
        return coordinator.join(null, "test", List.of("orders"), SESSION, ORDERS_8, Set.of(), now);
    }

    @Test
    void firstMemberGetsEveryPartitionAtOnce() {
        GroupCoordinator coordinator = coordinator(0);
        GroupAssignment a = join(coordinator);
        assertEquals("m1", a.memberId());
        assertEquals(orders(0, 1, 2, 3, 4, 5, 6, 7), a.partitions());
        assertEquals(1, a.generation());
    }

    @Test
    void movedPartitionIsRevokedFromItsOwnerBeforeItIsGrantedToTheNewOne() {
        GroupCoordinator coordinator = coordinator(0);
        Set<TopicPartition> ownedByA = join(coordinator).partitions();
        GroupAssignment b = join(coordinator);
        assertEquals(Set.of(), b.partitions(), "nothing is free yet: A still owns everything");
        assertEquals(2, b.generation());

        Set<TopicPartition> keptByA = coordinator.heartbeat("m1", ownedByA, now).partitions();
        assertEquals(4, keptByA.size(), "A learns that half is revoked");
        assertEquals(Set.of(), coordinator.heartbeat("m2", Set.of(), now).partitions(), "A has not released them yet");

        Set<TopicPartition> revoked = new TreeSet<>(ownedByA);
        revoked.removeAll(keptByA);
        assertEquals(keptByA, coordinator.heartbeat("m1", keptByA, now).partitions(), "A reports it released them");
        assertEquals(revoked, coordinator.heartbeat("m2", Set.of(), now).partitions(), "now B gets them");
    }

    @Test
    void aRevokedPartitionCanStillBeCommittedUntilReleasedButNotAfter() {
        GroupCoordinator coordinator = coordinator(0);
        Set<TopicPartition> ownedByA = join(coordinator).partitions();
        join(coordinator);
        Set<TopicPartition> kept = coordinator.heartbeat("m1", ownedByA, now).partitions();
        TopicPartition revoked = ownedByA.stream().filter(p -> !kept.contains(p)).findFirst().orElseThrow();

        coordinator.checkCommit("m1", List.of(revoked)); // revoked, not yet released: A commits it before releasing
        assertThrows(NotAssignedException.class, () -> coordinator.checkCommit("m2", List.of(revoked)));

        coordinator.heartbeat("m1", kept, now);
        NotAssignedException refused = assertThrows(NotAssignedException.class, () -> coordinator.checkCommit("m1", List.of(revoked)));
        assertTrue(refused.getMessage().contains(revoked.toString()) && refused.getMessage().contains("m1"), refused.getMessage());
        coordinator.heartbeat("m2", Set.of(), now);
        coordinator.checkCommit("m2", List.of(revoked));
    }

    @Test
    void commitOfAnUnknownMemberIsRefusedNamingIt() {
        GroupCoordinator coordinator = coordinator(0);
        NotAssignedException refused = assertThrows(NotAssignedException.class,
                () -> coordinator.checkCommit("ghost", List.of(new TopicPartition("orders", 3))));
        assertTrue(refused.getMessage().contains("ghost") && refused.getMessage().contains("orders-3"), refused.getMessage());
    }

    @Test
    void splitsEightPartitionsThreeThreeTwoAndMovesOnlyWhatBalanceNeeds() {
        GroupCoordinator coordinator = coordinator(0);
        Map<String, Set<TopicPartition>> owned = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            owned.put(join(coordinator).memberId(), new TreeSet<>());
            settle(coordinator, owned);
        }
        List<Integer> sizes = owned.values().stream().map(Set::size).sorted().toList();
        assertEquals(List.of(2, 3, 3), sizes);
        Map<TopicPartition, String> before = coordinator.holders();

        owned.put(join(coordinator).memberId(), new TreeSet<>());
        settle(coordinator, owned);
        assertEquals(List.of(2, 2, 2, 2), owned.values().stream().map(Set::size).toList());
        long moved = coordinator.holders().entrySet().stream().filter(e -> before.containsKey(e.getKey())
                && !before.get(e.getKey()).equals(e.getValue())).count();
        assertEquals(2, moved, "only the two partitions the fourth member needs move");

        Map<TopicPartition, String> beforeLeave = coordinator.holders();
        assertTrue(coordinator.leave("m2", now));
        owned.remove("m2");
        settle(coordinator, owned);
        for (Map.Entry<TopicPartition, String> entry : beforeLeave.entrySet()) {
            if (!entry.getValue().equals("m2")) {
                assertEquals(entry.getValue(), coordinator.holders().get(entry.getKey()), "a partition of a member that stayed moved");
            }
        }
        assertEquals(List.of(2, 3, 3), owned.values().stream().map(Set::size).sorted().toList());
    }

    @Test
    void expiredMembersPartitionsAreFreeAtOnce() {
        GroupCoordinator coordinator = coordinator(0);
        Map<String, Set<TopicPartition>> owned = new HashMap<>();
        owned.put(join(coordinator).memberId(), new TreeSet<>());
        owned.put(join(coordinator).memberId(), new TreeSet<>());
        settle(coordinator, owned);
        assertEquals(now + SESSION, coordinator.nextDeadline());

        now += SESSION - 1;
        coordinator.heartbeat("m1", owned.get("m1"), now);
        assertEquals(List.of(), coordinator.expire(now));
        now += 1;
        assertEquals(List.of("m2"), coordinator.expire(now));
        assertEquals(orders(0, 1, 2, 3, 4, 5, 6, 7), coordinator.heartbeat("m1", owned.get("m1"), now).partitions(),
                "m2's partitions go to m1 without waiting for m2");
        assertTrue(coordinator.heartbeat("m2", Set.of(), now).isUnknownMember());
    }

    @Test
    void leavingMembersPartitionsAreFreeAtOnce() {
        GroupCoordinator coordinator = coordinator(0);
        Map<String, Set<TopicPartition>> owned = new HashMap<>();
        owned.put(join(coordinator).memberId(), new TreeSet<>());
        owned.put(join(coordinator).memberId(), new TreeSet<>());
        settle(coordinator, owned);
        assertTrue(coordinator.leave("m1", now));
        assertFalse(coordinator.leave("m1", now));
        assertEquals(8, coordinator.heartbeat("m2", owned.get("m2"), now).partitions().size());
    }

    @Test
    void freshCoordinatorGrantsNoUnreportedPartitionUntilTheGraceEnds() {
        GroupCoordinator coordinator = coordinator(SESSION);
        GroupAssignment rejoined = coordinator.join("old-a", "a", List.of("orders"), SESSION, ORDERS_8, orders(0, 1, 2, 3, 4, 5), now);
        assertEquals("old-a", rejoined.memberId());
        assertEquals(orders(0, 1, 2, 3, 4, 5), rejoined.partitions(), "a rejoining member keeps what it reports");
        GroupAssignment fresh = join(coordinator);
        assertEquals(Set.of(), fresh.partitions(), "6 and 7 may still be read by a member that has not rejoined");

        now += SESSION / 2;
        Set<TopicPartition> keptByA = coordinator.heartbeat("old-a", orders(0, 1, 2, 3, 4, 5), now).partitions();
        assertEquals(orders(0, 1, 2, 3), keptByA);
        assertEquals(Set.of(), coordinator.heartbeat(fresh.memberId(), Set.of(), now).partitions());
        coordinator.heartbeat("old-a", keptByA, now);
        assertEquals(orders(4, 5), coordinator.heartbeat(fresh.memberId(), Set.of(), now).partitions(),
                "what a rejoined member released is known to be free; 6 and 7 are not");

        now += SESSION / 2;
        assertFalse(coordinator.inGrace(now));
        assertEquals(orders(4, 5, 6, 7), coordinator.heartbeat(fresh.memberId(), orders(4, 5), now).partitions());
        assertEquals(keptByA, coordinator.heartbeat("old-a", keptByA, now).partitions());
        assertEquals(8, coordinator.holders().size());
    }

    @Test
    void freshCoordinatorWaitsForNobodyOnceEveryPartitionsHolderHasRejoined() {
        GroupCoordinator coordinator = coordinator(SESSION);
        assertEquals(orders(0, 1, 2, 3), coordinator.join("a", "a", List.of("orders"), SESSION, ORDERS_8, orders(0, 1, 2, 3), now).partitions());
        assertEquals(orders(4, 5, 6, 7), coordinator.join("b", "b", List.of("orders"), SESSION, ORDERS_8, orders(4, 5, 6, 7), now).partitions());
        GroupAssignment c = join(coordinator);
        Map<String, Set<TopicPartition>> owned = new HashMap<>(Map.of("a", orders(0, 1, 2, 3), "b", orders(4, 5, 6, 7),
                c.memberId(), new TreeSet<>()));
        settle(coordinator, owned);
        assertTrue(coordinator.inGrace(now));
        assertEquals(List.of(2, 3, 3), owned.values().stream().map(Set::size).sorted().toList());
    }

    @Test
    void aRejoiningMemberDropsWhatAnotherMemberHoldsNow() {
        GroupCoordinator coordinator = coordinator(0);
        Map<String, Set<TopicPartition>> owned = new HashMap<>();
        owned.put(join(coordinator).memberId(), new TreeSet<>());
        settle(coordinator, owned);
        GroupAssignment stale = coordinator.join("zombie", "z", List.of("orders"), SESSION, ORDERS_8, orders(0, 1), now);
        assertFalse(stale.partitions().contains(new TopicPartition("orders", 0)));
        assertEquals("m1", coordinator.holders().get(new TopicPartition("orders", 0)));
    }

    @Test
    void membersOfDifferentTopicsGetOnlyTheirTopics() {
        GroupCoordinator coordinator = coordinator(0);
        Map<String, Integer> counts = Map.of("orders", 4, "payments", 4);
        String a = coordinator.join(null, "a", List.of("orders", "payments"), SESSION, counts, Set.of(), now).memberId();
        String b = coordinator.join(null, "b", List.of("payments"), SESSION, counts, Set.of(), now).memberId();
        Map<String, Set<TopicPartition>> owned = new HashMap<>(Map.of(a, coordinator.assigned(a), b, new TreeSet<>()));
        settle(coordinator, owned);
        assertTrue(owned.get(b).stream().allMatch(p -> p.topic().equals("payments")));
        assertEquals(4, owned.get(a).size());
        assertEquals(4, owned.get(b).size());
    }

    @Test
    void badJoinsAreRefusedNamingTheValue() {
        GroupCoordinator coordinator = coordinator(0);
        IllegalArgumentException noCount = assertThrows(IllegalArgumentException.class,
                () -> coordinator.join(null, "x", List.of("orders"), SESSION, Map.of(), Set.of(), now));
        assertTrue(noCount.getMessage().contains("orders"), noCount.getMessage());
        assertThrows(IllegalArgumentException.class, () -> coordinator.join(null, "x", List.of(), SESSION, ORDERS_8, Set.of(), now));
        assertThrows(IllegalArgumentException.class, () -> coordinator.join(null, "x", List.of("orders"), 0, ORDERS_8, Set.of(), now));
    }

    /** Heartbeats every member (owning what it is granted, releasing what is revoked) until nothing changes. */
    private void settle(GroupCoordinator coordinator, Map<String, Set<TopicPartition>> owned) {
        for (int round = 0; round < 10; round++) {
            boolean changed = false;
            for (Map.Entry<String, Set<TopicPartition>> entry : owned.entrySet()) {
                Set<TopicPartition> granted = coordinator.heartbeat(entry.getKey(), entry.getValue(), now).partitions();
                if (!granted.equals(entry.getValue())) {
                    entry.setValue(new TreeSet<>(granted));
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
        throw new AssertionError("the group did not settle: " + coordinator.holders());
    }
}
