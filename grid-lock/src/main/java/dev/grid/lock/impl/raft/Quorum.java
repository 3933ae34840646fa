package dev.grid.lock.impl.raft;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Predicate;

/** Majority arithmetic of a Raft group's voting members. */
final class Quorum {
    private Quorum() {
    }

    /** @return how many of {@code voters} voting members make a majority */
    static int majority(int voters) {
        return voters / 2 + 1;
    }

    /** @return how many of {@code voting} are present */
    static int present(Collection<UUID> voting, Predicate<UUID> present) {
        int count = 0;
        for (UUID member : voting) {
            count += present.test(member) ? 1 : 0;
        }
        return count;
    }

    /** @return whether the present members of {@code voting} form a majority of it (so it can commit) */
    static boolean hasMajority(Collection<UUID> voting, Predicate<UUID> present) {
        return !voting.isEmpty() && present(voting, present) >= majority(voting.size());
    }

    /**
     * @return how many more of {@code voting} may be lost with a majority left: the present ones beyond
     *         a majority, 0 when the majority is already missing
     */
    static int failuresTolerated(Collection<UUID> voting, Predicate<UUID> present) {
        return Math.max(0, present(voting, present) - majority(voting.size()));
    }
}
