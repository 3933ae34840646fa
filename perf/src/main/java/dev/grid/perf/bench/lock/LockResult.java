package dev.grid.perf.bench.lock;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lock target's figures, as lock.json (and results.json's {@code lock}) holds them.
 *
 * @param target  {@code grid} or {@code hazelcast-5.4}
 * @param status  {@code ok}, {@code skipped} or {@code failed}
 * @param reason  why not ok (null when ok)
 * @param phases  per phase ({@code uncontended}, {@code contended}) its figures
 */
public record LockResult(String target, String status, String reason, Map<String, Phase> phases) {

    /**
     * @param threads        threads taking the lock
     * @param pairsPerSecond lock+unlock pairs per second, all threads together
     * @param p50Micros      median pair latency
     * @param p99Micros      99th percentile pair latency
     * @param pairs          pairs measured
     */
    public record Phase(int threads, @JsonProperty("pairs_per_s") double pairsPerSecond, @JsonProperty("p50_us") double p50Micros,
                        @JsonProperty("p99_us") double p99Micros, long pairs) {
        /** Parses {@code RESULT phase threads pairs/s p50 p99 pairs}. */
        static Phase parse(String line) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 7) {
                throw new IllegalArgumentException("not a lock result line: " + line);
            }
            return new Phase(Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Long.parseLong(f[6]));
        }
    }

    /** @return the lines of a plain-text table of the results, and the grid / hazelcast-5.4 ratios */
    public static String table(List<LockResult> results) {
        StringBuilder out = new StringBuilder(String.format("%-15s %-12s %8s %14s %10s %10s%n", "target", "phase", "threads",
                "pairs/s", "p50 µs", "p99 µs"));
        for (LockResult r : results) {
            if (!r.status().equals("ok")) {
                out.append(String.format("%-15s %s: %s%n", r.target(), r.status(), r.reason()));
                continue;
            }
            r.phases().forEach((name, p) -> out.append(String.format(java.util.Locale.ROOT, "%-15s %-12s %8d %,14.0f %10.0f %10.0f%n",
                    r.target(), name, p.threads(), p.pairsPerSecond(), p.p50Micros(), p.p99Micros())));
        }
        Map<String, Double> ratios = ratios(results);
        ratios.forEach((phase, ratio) -> out.append(String.format(java.util.Locale.ROOT,
                "grid / hazelcast-5.4, %s: %.2fx pairs/s%n", phase, ratio)));
        return out.toString();
    }

    /** @return per phase, grid's pairs/s divided by Hazelcast 5.4's (when both ran) */
    public static Map<String, Double> ratios(List<LockResult> results) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        LockResult grid = results.stream().filter(r -> r.target().equals(LockCommand.GRID) && r.status().equals("ok")).findFirst().orElse(null);
        LockResult hz = results.stream().filter(r -> r.target().equals(LockCommand.HAZELCAST_54) && r.status().equals("ok")).findFirst().orElse(null);
        if (grid != null && hz != null) {
            grid.phases().forEach((phase, p) -> {
                Phase other = hz.phases().get(phase);
                if (other != null && other.pairsPerSecond() > 0) {
                    ratios.put(phase, p.pairsPerSecond() / other.pairsPerSecond());
                }
            });
        }
        return ratios;
    }
}
