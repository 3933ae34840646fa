package dev.grid.log.impl.group;

import dev.grid.log.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A randomized model of a group: consumers that follow the consumer's protocol (own what an answer grants, release
 * what it revokes after committing it, report what they own, drop everything when no heartbeat has been answered for
 * their session timeout) against a coordinator, with lost requests and answers, paused and crashed consumers,
 * leaves, session expiry and coordinator failover (a fresh coordinator in its grace period). After every step no
 * partition is owned by two consumers, every consumer the coordinator knows holds there what it owns, and a commit
 * of an owned partition is accepted; at the end, once nothing fails any more, every partition has exactly one owner
 * and members of the same topics are balanced.
 */
@Timeout(60)
class GroupCoordinatorModelTest {
    private static final Map<String, Integer> COUNTS = Map.of("a", 7, "b", 3);
    private static final int SEEDS = 300;
    private static final int STEPS = 1_500;

    @Test
    void noPartitionIsEverOwnedByTwoConsumers() {
        for (int seed = 0; seed < SEEDS; seed++) {
            try {
                new Model(seed, seed % 2 == 0).run();
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Consumer {
        final int number;
        final List<String> topics;
        final long session;
        String id;
        final Set<TopicPartition> owned = new TreeSet<>();
        Set<TopicPartition> granted = Set.of();
        long leaseUntil = Long.MIN_VALUE;
        boolean paused;
        boolean gone;

        Consumer(int number, List<String> topics, long session) {
            this.number = number;
            this.topics = topics;
            this.session = session;
        }

        @Override
        public String toString() {
            return "consumer " + number + " (" + id + ")";
        }
    }

    private static final class Model {
        final Random random;
        final boolean sameTopics;
        final AtomicInteger ids = new AtomicInteger();
        final List<Consumer> consumers = new ArrayList<>();
        long now = 0;
        GroupCoordinator coordinator;
        final List<String> log = new ArrayList<>();

        Model(long seed, boolean sameTopics) {
            this.random = new Random(seed);
            this.sameTopics = sameTopics;
            this.coordinator = newCoordinator(0);
        }

        GroupCoordinator newCoordinator(long grace) {
            return new GroupCoordinator("g", now, grace, () -> "m" + ids.incrementAndGet());
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                randomStep();
                check(step);
            }
            settle();
        }

        List<Consumer> live() {
            return consumers.stream().filter(c -> !c.gone).toList();
        }

        void randomStep() {
            List<Consumer> live = live();
            int roll = random.nextInt(100);
            if (live.size() < 2 || (roll < 6 && live.size() < 6)) {
                List<String> topics = sameTopics || random.nextBoolean() ? List.of("a", "b")
                        : List.of(random.nextBoolean() ? "a" : "b");
                Consumer consumer = new Consumer(consumers.size(), topics, random.nextBoolean() ? 1_000 : 2_000);
                consumers.add(consumer);
                heartbeat(consumer);
                return;
            }
            Consumer c = live.get(random.nextInt(live.size()));
            if (roll < 40) {
                heartbeat(c);
            } else if (roll < 65) {
                poll(c);
            } else if (roll < 85) {
                tick(random.nextInt(400));
            } else if (roll < 90) {
                c.paused = !c.paused;
                log.add(c + (c.paused ? " paused" : " resumed"));
            } else if (roll < 93) {
                log.add(c + " leaves");
                c.owned.clear();
                if (!c.paused && c.id != null) {
                    coordinator.leave(c.id, now);
                }
                c.gone = true;
            } else if (roll < 96) {
                log.add(c + " crashes");
                c.owned.clear();
                c.gone = true;
            } else if (roll < 98) {
                log.add("coordinator fails over at " + now);
                coordinator = newCoordinator(2_000);
            }
        }

        void heartbeat(Consumer c) {
            if (c.paused || random.nextInt(10) == 0) {
                return; // the request is lost
            }
            Set<TopicPartition> report = new TreeSet<>(c.owned);
            GroupAssignment answer = c.id == null
                    ? coordinator.join(null, "c" + c.number, c.topics, c.session, COUNTS, Set.of(), now)
                    : coordinator.heartbeat(c.id, report, now);
            if (answer.isUnknownMember()) {
                answer = coordinator.join(c.id, "c" + c.number, c.topics, c.session, COUNTS, report, now);
            }
            if (random.nextInt(10) == 0) {
                return; // the answer is lost
            }
            c.id = answer.memberId();
            c.leaseUntil = now + c.session;
            c.granted = answer.partitions();
            c.owned.addAll(answer.partitions());
            log.add(c + " at " + now + " reported " + report + " granted " + c.granted);
        }

        void poll(Consumer c) {
            List<TopicPartition> revoked = c.owned.stream().filter(p -> !c.granted.contains(p)).toList();
            if (!c.paused && c.id != null && coordinator.isMember(c.id) && !c.owned.isEmpty()) {
                coordinator.checkCommit(c.id, c.owned); // a member commits what it owns, revoked partitions included
            }
            for (TopicPartition partition : revoked) {
                if (random.nextInt(10) < 7) {
                    c.owned.remove(partition);
                    log.add(c + " released " + partition);
                }
            }
        }

        void tick(long millis) {
            now += millis;
            for (Consumer c : live()) {
                if (c.id != null && now >= c.leaseUntil && !c.owned.isEmpty()) {
                    log.add(c + " fences itself at " + now + ", dropping " + c.owned);
                    c.owned.clear();
                    c.granted = Set.of();
                }
            }
            List<String> expired = coordinator.expire(now);
            if (!expired.isEmpty()) {
                log.add("expired at " + now + ": " + expired);
            }
        }

        void check(int step) {
            Map<TopicPartition, Consumer> owners = new HashMap<>();
            Map<TopicPartition, String> holders = coordinator.holders();
            for (Consumer c : live()) {
                for (TopicPartition partition : c.owned) {
                    Consumer other = owners.put(partition, c);
                    if (other != null) {
                        fail("step " + step + ": " + partition + " is owned by " + other + " and " + c + "\n" + tail());
                    }
                    if (coordinator.isMember(c.id) && !c.id.equals(holders.get(partition))) {
                        fail("step " + step + ": " + c + " owns " + partition + " but the coordinator has it held by "
                                + holders.get(partition) + "\n" + tail());
                    }
                }
            }
        }

        /** No more failures: everyone resumes, heartbeats and polls until the group is stable and complete. */
        void settle() {
            live().forEach(c -> c.paused = false);
            for (int round = 0; round < 200; round++) {
                tick(100);
                for (Consumer c : live()) {
                    Set<TopicPartition> report = new TreeSet<>(c.owned);
                    GroupAssignment answer = c.id == null
                            ? coordinator.join(null, "c" + c.number, c.topics, c.session, COUNTS, Set.of(), now)
                            : coordinator.heartbeat(c.id, report, now);
                    if (answer.isUnknownMember()) {
                        answer = coordinator.join(c.id, "c" + c.number, c.topics, c.session, COUNTS, report, now);
                    }
                    c.id = answer.memberId();
                    c.leaseUntil = now + c.session;
                    c.granted = answer.partitions();
                    c.owned.addAll(answer.partitions());
                    c.owned.retainAll(c.granted);
                }
                check(STEPS + round);
            }
            Map<TopicPartition, Consumer> owners = new TreeMap<>();
            for (Consumer c : live()) {
                c.owned.forEach(p -> owners.put(p, c));
                assertEquals(c.granted, c.owned);
                assertTrue(c.owned.stream().allMatch(p -> c.topics.contains(p.topic())), c + " owns a partition of a topic it does not read");
            }
            Set<String> subscribed = new TreeSet<>();
            live().forEach(c -> subscribed.addAll(c.topics));
            int expected = subscribed.stream().mapToInt(COUNTS::get).sum();
            assertEquals(expected, owners.size(), "every partition of a subscribed topic has an owner: " + owners);
            if (sameTopics) {
                int min = live().stream().mapToInt(c -> c.owned.size()).min().orElse(0);
                int max = live().stream().mapToInt(c -> c.owned.size()).max().orElse(0);
                assertTrue(max - min <= 1, "balanced: " + min + " to " + max);
            }
        }

        String tail() {
            return String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
        }
    }
}
