package dev.grid.perf.bench.query;

import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.log.LogRun;
import dev.grid.perf.bench.signal.StopSignal;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs one operation on one system for the warm-up and then the measured duration, one call at a time: each call timed
 * into HdrHistogram, each answer checked (untimed) against the data, a timeline point and a progress line about every
 * second. A failed call or a wrong answer ends the run with its exception.
 */
final class QueryLoop {
    private static final long SECOND = 1_000_000_000L;
    private static final long SETTLE_LINE = 5 * SECOND;

    private QueryLoop() {
    }

    /**
     * One operation on one system.
     *
     * @param <P> a call's parameter
     * @param <R> its answer
     */
    interface Call<P, R> {
        /** @return the next call's parameter, drawn from the random sequence (the same for every system) */
        P parameter(SplittableRandom random);

        /** The timed part. */
        R call(P parameter);

        /** @throws ResultMismatchException if the answer is not the data's */
        void check(P parameter, R answer);

        /** @return rows the call handled, for rows/s (export); 0 when not meaningful */
        default long rows(R answer) {
            return 0;
        }
    }

    /**
     * Calls once, not timed, and checks the answer: the first call of an operation on a cluster pays for what it
     * compiles (the members' first SQL statement compiles Hazelcast's SQL and Jet code), and whichever system were
     * measured first would pay it alone.
     */
    static <P, R> void prime(Call<P, R> call, long seed) {
        callAndCheck(call, new SplittableRandom(seed));
    }

    /**
     * Calls each of {@code calls} in turn, one call each, round after round, for {@code duration} in all; not timed, each
     * answer checked. Before any run is measured, so that every system's JVMs, the members' included, have compiled what
     * they run and collected what loading left behind: measured one after the other, the system measured first would
     * otherwise carry the cluster's settling alone (see docs/bench.md). A progress line about every 5 seconds.
     *
     * @return the calls made, per name
     */
    static Map<String, Long> settle(Map<String, Call<?, ?>> calls, Duration duration, long seed, StopSignal stop, Consumer<String> log) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> made = new LinkedHashMap<>();
        calls.keySet().forEach(name -> made.put(name, 0L));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long lastLine = start;
        while (!stop.stopping() && System.nanoTime() < end) {
            for (Map.Entry<String, Call<?, ?>> call : calls.entrySet()) {
                if (stop.stopping()) {
                    break;
                }
                callAndCheck(call.getValue(), random);
                made.merge(call.getKey(), 1L, Long::sum);
            }
            if (System.nanoTime() - lastLine >= SETTLE_LINE) {
                lastLine = System.nanoTime();
                logSettling(log, start, duration, made);
            }
        }
        logSettling(log, start, duration, made);
        return made;
    }

    private static void logSettling(Consumer<String> log, long start, Duration duration, Map<String, Long> made) {
        log.accept(String.format(Locale.ROOT, "query: settling %5.1fs of %.0fs, %,d calls", (System.nanoTime() - start) / 1e9,
                duration.toMillis() / 1e3, made.values().stream().mapToLong(Long::longValue).sum()));
    }

    private static <P, R> void callAndCheck(Call<P, R> call, SplittableRandom random) {
        P parameter = call.parameter(random);
        call.check(parameter, call.call(parameter));
    }

    static <P, R> QueryRun measure(QueryOperation operation, String system, Duration warmup, Duration duration, long seed, StopSignal stop,
                                   Consumer<String> log, Call<P, R> call) {
        SplittableRandom random = new SplittableRandom(seed * 31 + operation.ordinal());
        Histogram warm = new Histogram(3);
        Histogram measured = new Histogram(3);
        List<Progress> timeline = new ArrayList<>();
        long start = System.nanoTime();
        long warmEnd = start + warmup.toNanos();
        long end = warmEnd + duration.toNanos();
        long pointFrom = start;
        long pointBusy = 0;
        long pointCalls = 0;
        long warmCalls = 0;
        long calls = 0;
        long busy = 0;
        long rows = 0;
        String name = String.format(Locale.ROOT, "query %-16s %-7s", operation.label(), system);
        while (!stop.stopping()) {
            long t0 = System.nanoTime();
            boolean warming = t0 < warmEnd;
            if (!warming && calls > 0 && t0 >= end) {
                break;
            }
            P parameter = call.parameter(random);
            long c0 = System.nanoTime();
            R answer = call.call(parameter);
            long took = System.nanoTime() - c0;
            call.check(parameter, answer);
            (warming ? warm : measured).recordValue(took);
            if (warming) {
                warmCalls++;
            } else {
                calls++;
                busy += took;
                rows += call.rows(answer);
            }
            pointCalls++;
            pointBusy += took;
            long now = System.nanoTime();
            if (now - pointFrom >= SECOND) {
                Progress p = point(start, now, pointCalls, pointBusy, warming ? warm : measured, warming);
                timeline.add(p);
                log.accept(String.format(Locale.ROOT, "%s %6.1fs %s %,10.1f ops/s  p99 %,.0f µs", name, p.second(), warming ? "warm-up" : "run    ",
                        p.opsPerSecond(), p.p99Micros()));
                pointFrom = now;
                pointCalls = 0;
                pointBusy = 0;
            }
        }
        if (pointCalls > 0) {
            boolean warming = calls == 0;
            timeline.add(point(start, System.nanoTime(), pointCalls, pointBusy, warming ? warm : measured, warming));
        }
        double seconds = busy / 1e9;
        String status = stop.stopping() ? QueryRun.INTERRUPTED : QueryRun.OK;
        return new QueryRun(operation.label(), system, status, null, warmCalls, calls, seconds, calls == 0 ? 0 : calls / seconds,
                rows > 0 ? rows / seconds : null, LogRun.Latency.of(measured), List.copyOf(timeline), LogRun.CurvePoint.of(measured));
    }

    /** @return the interval's point: calls per second spent in calls, p99 so far of the phase */
    private static Progress point(long start, long now, long calls, long busy, Histogram phase, boolean warming) {
        double second = Math.round((now - start) / 1e6) / 1000.0;
        return new Progress(second, warming, calls * 1e9 / Math.max(1, busy), phase.getValueAtPercentile(99) / 1000.0, 0);
    }
}
