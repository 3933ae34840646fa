package dev.grid.server.impl.chaos;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Prints a chaos run's totals and, per fault, the writers' stall after each kill with a histogram. */
final class ChaosSummary {
    private static final long[] BUCKET_UPPER_MILLIS = {250, 500, 1_000, 2_000, 5_000, 10_000, Long.MAX_VALUE};
    private static final int BAR_WIDTH = 40;

    private ChaosSummary() {
    }

    static void print(ChaosReport report, PrintStream out) {
        out.println();
        out.printf("chaos summary: %d kills, %d writes acknowledged, %d not acknowledged %s, %d acknowledged writes LOST%n",
                report.kills(), report.acknowledged(), report.notAcknowledged(), report.failures(), report.lostWrites());
        out.println(report.firstUse().describe());
        for (ChaosFault fault : ChaosFault.values()) {
            long[] stalls = report.rounds().stream().filter(round -> round.fault() == fault).mapToLong(KillRound::stallMillis).toArray();
            if (stalls.length > 0) {
                printStalls(fault, stalls, out);
            }
        }
    }

    private static void printStalls(ChaosFault fault, long[] stalls, PrintStream out) {
        long[] sorted = stalls.clone();
        Arrays.sort(sorted);
        out.printf("writer stall, %s (%d kills; the longest one write waited for its answer): min %d ms, median %d ms, "
                        + "p90 %d ms, max %d ms%n", fault.option(), stalls.length, sorted[0], sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)], sorted[sorted.length - 1]);
        int[] counts = new int[BUCKET_UPPER_MILLIS.length];
        for (long stall : stalls) {
            int bucket = 0;
            while (stall >= BUCKET_UPPER_MILLIS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        int most = Arrays.stream(counts).max().orElse(1);
        List<String> lines = new java.util.ArrayList<>();
        for (int bucket = 0; bucket < counts.length; bucket++) {
            String label = bucket == counts.length - 1 ? ">= " + BUCKET_UPPER_MILLIS[bucket - 1] + " ms"
                    : "< " + BUCKET_UPPER_MILLIS[bucket] + " ms";
            int width = counts[bucket] == 0 ? 0 : Math.max(1, counts[bucket] * BAR_WIDTH / most);
            lines.add(String.format("  %-12s %-" + BAR_WIDTH + "s %d", label, "#".repeat(width), counts[bucket]));
        }
        lines.forEach(out::println);
    }
}
