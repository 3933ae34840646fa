package dev.grid.lock.impl.raft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The majority watch with time set by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MajorityWatchTest {
    private static final long GRACE = 2_000_000_000L;
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final List<UUID> voting = List.of(a, b, c);
    private final Set<UUID> present = new HashSet<>(voting);
    private final MajorityWatch watch = new MajorityWatch(GRACE);

    @Test
    void beforeTheGroupFormsThereIsNoMajority() {
        watch.noGroup();
        assertFalse(watch.majorityAvailable());
        assertEquals(0, watch.failuresTolerated());
    }

    @Test
    void threeOfThreeTolerateOneLossAndTwoOfThreeNone() {
        watch.update("g", voting, present::contains, 0);
        assertTrue(watch.majorityAvailable());
        assertEquals(1, watch.failuresTolerated());
        present.remove(c);
        watch.update("g", voting, present::contains, 1);
        assertTrue(watch.majorityAvailable());
        assertEquals(0, watch.failuresTolerated());
    }

    @Test
    void aMissingMajorityCountsAsLostOnlyAfterTheGracePeriodAndRecovers() {
        watch.update("g", voting, present::contains, 0);
        present.remove(b);
        present.remove(c);
        watch.update("g", voting, present::contains, 10);
        assertTrue(watch.majorityAvailable(), "within the grace period");
        assertEquals(0, watch.failuresTolerated());
        assertEquals(MajorityWatch.Change.NONE, watch.update("g", voting, present::contains, 10 + GRACE - 1));
        assertTrue(watch.majorityAvailable());
        assertEquals(MajorityWatch.Change.LOST, watch.update("g", voting, present::contains, 10 + GRACE), "reported once");
        assertFalse(watch.majorityAvailable());
        assertTrue(watch.lostReported());
        assertEquals(MajorityWatch.Change.NONE, watch.update("g", voting, present::contains, 11 + GRACE));
        present.add(b);
        assertEquals(MajorityWatch.Change.REGAINED, watch.update("g", voting, present::contains, 20 + GRACE));
        assertTrue(watch.majorityAvailable());
        assertFalse(watch.lostReported());
    }

    @Test
    void aMemberShuttingDownReportsNoLoss() {
        watch.update("g", voting, present::contains, 0);
        watch.quiet();
        present.clear();
        watch.update("g", voting, present::contains, 1);
        watch.update("g", voting, present::contains, 1 + GRACE);
        assertFalse(watch.lostReported());
    }
}
