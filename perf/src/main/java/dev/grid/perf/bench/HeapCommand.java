package dev.grid.perf.bench;

import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.report.RunResult;
import dev.grid.perf.heap.HeapScenarioRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code grid bench heap}: the heap scenario ({@link HeapScenarioRunner}: GridMap and IMap filled in
 * fresh JVMs with the same -Xmx; heap used after GC, GC pause total and longest, off-heap used),
 * then YCSB workload A against one member JVM with that same -Xmx holding {@code --ycsb-records}
 * 100-byte records (the harness is a client), for the latency tail (p99.9) of a loaded member.
 */
final class HeapCommand {
    private HeapCommand() {
    }

    static int run(List<String> args, StopSignal stop) {
        List<String> heapArgs = new ArrayList<>();
        String heap = "-Xmx512m";
        long ycsbRecords = 1_000_000;
        String ycsbDuration = "20s";
        Path out = Path.of("bench-results", "heap");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--ycsb-records" -> ycsbRecords = positive(value(args, ++i, a), a);
                case "--ycsb-duration" -> ycsbDuration = value(args, ++i, a);
                case "--out" -> out = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("-Xmx")) {
                        heap = a;
                    } else if (!a.startsWith("gridEntries=") && !a.startsWith("imapStep=") && !a.startsWith("out=")) {
                        throw new UsageException("unknown argument '" + a + "' (known: -Xmx..., gridEntries=N, imapStep=N, out=FILE, "
                                + "--ycsb-records N, --ycsb-duration D, --out DIR)");
                    }
                    heapArgs.add(a);
                }
            }
        }
        if (!heap.matches("-Xmx[0-9]+[kKmMgG]?")) {
            throw new UsageException("the heap must be given as -Xmx<size>, e.g. -Xmx512m, was '" + heap + "'");
        }
        try {
            HeapScenarioRunner.main(heapArgs.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (Exception e) {
            System.err.println("grid bench heap: the heap scenario failed: " + e);
            return 1;
        }
        if (stop.stopping()) {
            return 1;
        }
        Results results = new Results("grid bench heap " + String.join(" ", args), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        boolean ok = loadedLatency(heap.substring("-Xmx".length()), ycsbRecords, ycsbDuration, out, stop, results);
        try {
            RunCommand.report(results, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ok ? 0 : 1;
    }

    /** YCSB-A against one member JVM at the same heap, loaded with 100-byte records; adds its runs to the results. */
    static boolean loadedLatency(String heap, long records, String duration, Path out, StopSignal stop, Results results) {
        List<String> run = List.of("--workload", "A", "--target", "gridmap,imap", "--mode", "client", "--members", "1",
                "--member-heap", heap, "--records", Long.toString(records), "--fields", "1", "--field-length", "100",
                "--threads", "4", "--warmup", "5s", "--duration", duration, "--out", out.toString());
        RunCommand.log("YCSB-A on a loaded member: grid bench run " + String.join(" ", run));
        int before = results.runs().size();
        boolean ok = new RunCommand(RunOptions.parse(run), stop, results).execute();
        List<RunResult> runs = results.runs();
        for (RunResult r : runs.subList(before, runs.size())) {
            if (r.measurement() != null) {
                RunCommand.log(String.format(Locale.ROOT, "%s with %,d records at -Xmx%s: p99.9 %.0f µs, p99 %.0f µs, %,.0f ops/s",
                        r.target(), records, heap, r.measurement().all().getValueAtPercentile(99.9) / 1000.0,
                        r.measurement().all().getValueAtPercentile(99) / 1000.0, r.measurement().throughput()));
            }
        }
        return ok;
    }

    private static long positive(String text, String option) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number > 0, was '" + text + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args.get(i);
    }
}
