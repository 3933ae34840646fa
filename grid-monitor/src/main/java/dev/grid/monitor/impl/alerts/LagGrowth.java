package dev.grid.monitor.impl.alerts;

import dev.grid.monitor.impl.metrics.Series;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a consumer group's lag keeps growing, judged at each alert evaluation: derives the series
 * {@value #GROWTH}{@code {group,topic}} from this member's {@value #LAG} series (the member that coordinates a group
 * reports its lag, per partition; here summed over the topic's partitions). Its value is how many records the lag grew
 * over the last {@code window}, when the lag did not go down at any evaluation in that window, ended it higher than it
 * began it, and is at least {@code minimum}; otherwise 0. A lag that goes down starts the judgement afresh; a lag that
 * stays level for a whole window is not growing. Two evaluations that saw the same measurement (the lag is measured in
 * the background) count as level, not as a fall, so they do not break a growing run.
 *
 * <p>Kept per evaluating member, in memory: a series this member no longer reports (its group moved to another
 * coordinator) is forgotten, and the new coordinator's member judges it afresh. Used under the evaluator's lock.
 */
final class LagGrowth {
    static final String LAG = "grid_log_group_lag";
    static final String GROWTH = "grid_log_group_lag_growth";
    private static final String HELP = "records a consumer group's lag on a topic grew over grid.monitor.lagGrowthWindow without going down "
            + "(0 unless it did and is at least grid.monitor.lagGrowthMinimum); derived by the alert evaluator";

    private final long windowMillis;
    private final long minimum;
    /** Per {group, topic}: (evaluation time, lag) since the lag last went down, oldest first; the first at or before the window's start. */
    private final Map<Map<String, String>, Deque<long[]>> runs = new HashMap<>();

    LagGrowth(long windowMillis, long minimum) {
        if (windowMillis <= 0 || minimum < 0) {
            throw new IllegalArgumentException("lag growth window must be > 0 ms and minimum >= 0, was " + windowMillis + " ms, " + minimum);
        }
        this.windowMillis = windowMillis;
        this.minimum = minimum;
    }

    /**
     * @param series this evaluation's series
     * @param now    this evaluation's time
     * @return the series, followed by one {@value #GROWTH} series per group and topic with a {@value #LAG} series
     */
    List<Series> derive(List<Series> series, long now) {
        Map<Map<String, String>, Long> lags = new LinkedHashMap<>();
        for (Series s : series) {
            String group = s.labels().get("group");
            String topic = s.labels().get("topic");
            if (s.name().equals(LAG) && group != null && topic != null) {
                lags.merge(Map.of("group", group, "topic", topic), Math.round(s.value()), Long::sum);
            }
        }
        runs.keySet().retainAll(lags.keySet());
        if (lags.isEmpty()) {
            return series;
        }
        List<Series> derived = new ArrayList<>(series.size() + lags.size());
        derived.addAll(series);
        lags.forEach((labels, lag) -> derived.add(new Series(GROWTH, labels, growth(labels, lag, now), false, HELP)));
        return derived;
    }

    private long growth(Map<String, String> key, long lag, long now) {
        Deque<long[]> run = runs.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (!run.isEmpty() && lag < run.peekLast()[1]) {
            run.clear();
        }
        if (!run.isEmpty() && run.peekLast()[0] >= now) {
            run.peekLast()[1] = lag; // a second evaluation in the same interval: the later lag stands
        } else {
            run.addLast(new long[] {now, lag});
        }
        long windowStart = now - windowMillis;
        while (run.size() >= 2 && secondTime(run) <= windowStart) {
            run.removeFirst();
        }
        long[] first = run.peekFirst();
        boolean wholeWindow = first[0] <= windowStart;
        return wholeWindow && lag > first[1] && lag >= minimum ? lag - first[1] : 0;
    }

    private static long secondTime(Deque<long[]> run) {
        var it = run.iterator();
        it.next();
        return it.next()[0];
    }
}
