package dev.grid.perf.bench.stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a run decides what the sink must show: windows of events, the keys polled, right and wrong values, and the final totals. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResultCheckingTest {

    @Test
    void windowsShouldBeJetsTumblingWindowsOfOneSecond() {
        assertEquals(2_000, StreamPipelines.windowEnd(1_000));
        assertEquals(2_000, StreamPipelines.windowEnd(1_999));
        assertEquals(1_000, StreamPipelines.windowEnd(0));
        assertEquals("p007@2000", StreamPipelines.resultKey(StreamPipelines.product(7), 2_000));
        assertEquals(StreamPipelines.FLUSH_KEY, StreamPipelines.product(StreamPipelines.FLUSH_PRODUCT));
    }

    @Test
    void shouldPollWindowsThatCanBeCompleteOldestFirstWithOneProbeUntilResultsAppear() {
        ExpectedResults expected = new ExpectedResults(true);
        expected.add("a", 5, 1_100, 11);
        expected.add("b", 7, 1_200, 12);
        expected.add("a", 1, 1_300, 13);
        expected.add("a", 2, 2_100, 21);
        assertEquals(3, expected.windows());
        assertEquals(Set.of(), expected.keysToPoll(1_999), "the first window is not complete before an event at its end");
        assertEquals(Set.of("a@2000"), expected.keysToPoll(2_000), "one probe of the first window");
        assertEquals(Set.of("a@2000", "a@3000"), expected.keysToPoll(Long.MAX_VALUE));

        List<String> visible = new ArrayList<>();
        Map<Long, Long> seenAt = new HashMap<>();
        int seen = expected.seen(Map.of("a@2000", 6L), 99, (cell, at) -> {
            visible.add(cell.key());
            seenAt.put(cell.windowEnd, at);
            assertEquals(2, cell.events);
            assertEquals(11, cell.due[0]);
            assertEquals(13, cell.due[1]);
        });
        assertEquals(1, seen);
        assertEquals(List.of("a@2000"), visible);
        assertEquals(Set.of("b@2000"), expected.keysToPoll(2_000), "results of the window appeared: all its missing keys");
        assertEquals(2, expected.pendingCount());
        assertEquals(0, expected.wrongCount());
    }

    @Test
    void aValueOtherThanTheSumShouldBeWrongAndNotVisible() {
        ExpectedResults expected = new ExpectedResults(false);
        expected.add("a", 5, 1_100, 0);
        expected.add("a", 6, 1_200, 0);
        List<String> visible = new ArrayList<>();
        assertEquals(0, expected.seen(Map.of("a@2000", 5L), 1, (cell, at) -> visible.add(cell.key())));
        assertTrue(visible.isEmpty());
        assertEquals(1, expected.wrongCount());
        assertEquals(List.of("a@2000 = 5, its events sum to 11"), expected.wrong());
        assertEquals(0, expected.pendingCount(), "a wrong value is not polled again");
    }

    @Test
    void sumCheckShouldFindAWrongTotalAMissingProductAndAnUnknownOne() {
        Map<String, Long> expected = Map.of("p000", 10L, "p001", 5L);
        assertNull(SumCheck.differences(expected, Map.of("p000@1000", 4L, "p000@2000", 6L, "p001@1000", 5L, "__flush@9000", 0L)));
        String wrong = SumCheck.differences(expected, Map.of("p000@1000", 4L, "p001@1000", 5L));
        assertTrue(wrong.startsWith("1 of 2 products' totals differ") && wrong.contains("p000 sums to 4 in the sink, its events to 10"), wrong);
        String missing = SumCheck.differences(expected, Map.of("p000@1000", 10L));
        assertTrue(missing.contains("p001 sums to null in the sink, its events to 5"), missing);
        String unknown = SumCheck.differences(expected, Map.of("p000@1000", 10L, "p001@1000", 5L, "p002@1000", 1L));
        assertTrue(unknown.contains("p002 sums to 1 in the sink and has no events"), unknown);
    }
}
