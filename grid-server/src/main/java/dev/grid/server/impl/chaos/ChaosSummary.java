package dev.grid.server.impl.chaos;

import java.io.PrintStream;
import java.util.Arrays;

/** Prints a chaos run's totals and a histogram of the writers' stall after each kill. */
final class ChaosSummary {
    private static final long[] BUCKET_UPPER_MILLIS = {250, 500, 1_000, 2_000, 5_000, 10_000, Long.MAX_VALUE};
    private static final int BAR_WIDTH = 40;

    private ChaosSummary() {
    }

    static void print(ChaosReport report, PrintStream out) {
        out.println();
        out.printf("chaos summary: %d kills, %d writes acknowledged, %d not acknowledged %s, %d acknowledged writes LOST%n",
                report.kills(), report.acknowledged(), report.notAcknowledged(), report.failures(), report.lostWrites());
        out.println("first use: " + report.firstUse().describe());
        long[] stalls = report.stallsMillis();
        if (stalls.length == 0) {
            return;
        }
        long[] sorted = stalls.clone();
        Arrays.sort(sorted);
        out.printf("writer stall after a kill (the longest one write waited for its answer): min %d ms, median %d ms, "
                + "p90 %d ms, max %d ms%n", sorted[0], sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1,
                Math.ceil(sorted.length * 0.9) - 1)], sorted[sorted.length - 1]);
        int[] counts = new int[BUCKET_UPPER_MILLIS.length];
        for (long stall : stalls) {
            int bucket = 0;
            while (stall >= BUCKET_UPPER_MILLIS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        for (int bucket = 0; bucket < counts.length; bucket++) {
            String label = bucket == counts.length - 1 ? ">= " + BUCKET_UPPER_MILLIS[bucket - 1] + " ms"
                    : "< " + BUCKET_UPPER_MILLIS[bucket] + " ms";
            int width = counts[bucket] == 0 ? 0 : Math.max(1, counts[bucket] * BAR_WIDTH / most);
            out.printf("  %-12s %-" + BAR_WIDTH + "s %d%n", label, "#".repeat(width), counts[bucket]);
        }
    }
}
