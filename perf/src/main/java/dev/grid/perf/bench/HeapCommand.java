package dev.grid.perf.bench;

import dev.grid.core.impl.DurationText;
import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.report.RunResult;
import dev.grid.perf.heap.HeapScenarioRunner;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code grid bench heap}: the heap scenario ({@link HeapScenarioRunner}: GridMap and IMap filled in
 * fresh JVMs with the same -Xmx; heap used after GC, GC pause total and longest, off-heap used),
 * then YCSB workload A against one member JVM with that same -Xmx holding {@code --ycsb-records}
 * 100-byte records (the harness is a client), for the latency tail (p99.9) of a loaded member.
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        header = "heap scenario (GridMap vs IMap at the same -Xmx) and YCSB-A latency on a loaded member",
        description = {
                "Runs the heap scenario (GridMap and IMap filled with 100-byte values in fresh JVMs with the same -Xmx; heap used "
                        + "after GC, GC pauses, off-heap used, the largest IMap that fits), then YCSB workload A against one member "
                        + "JVM at that same heap holding --ycsb-records 100-byte records (the harness a client), for the latency tail "
                        + "(p99.9) of a loaded member."})
final class HeapCommand implements Callable<Integer> {
    private static final Pattern HEAP = Pattern.compile("-Xmx[0-9]+[kKmMgG]?");

    private final StopSignal stop;
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "SCENARIO", arity = "0..*",
            description = "the heap scenario's arguments: -Xmx<size> (default -Xmx512m), gridEntries=N, imapStep=N, out=FILE")
    private List<String> scenario = new ArrayList<>();
    @Option(names = "--ycsb-records", paramLabel = "N", defaultValue = "1000000",
            description = "records the loaded member holds (default ${DEFAULT-VALUE})")
    private long ycsbRecords;
    @Option(names = "--ycsb-duration", paramLabel = "DURATION", defaultValue = "20s", converter = DurationConverter.class,
            description = "measured time of the YCSB-A run (default ${DEFAULT-VALUE})")
    private Duration ycsbDuration;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results/heap",
            description = "where the YCSB results go (default ${DEFAULT-VALUE})")
    private Path out;

    /** @param stop the stop signal (Ctrl-C) */
    HeapCommand(StopSignal stop) {
        this.stop = stop;
    }

    /** The command line that reads its arguments: -Xmx512m is one of the scenario's, not an option. */
    static CommandLine commandLine(StopSignal stop) {
        return new CommandLine(new HeapCommand(stop)).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        OptionCheck check = new OptionCheck(spec);
        String heap = "-Xmx512m";
        for (String argument : scenario) {
            if (argument.startsWith("-Xmx")) {
                if (!HEAP.matcher(argument).matches()) {
                    throw check.error("the heap must be given as -Xmx<size>, e.g. -Xmx512m, was '" + argument + "'");
                }
                heap = argument;
            } else if (!argument.startsWith("gridEntries=") && !argument.startsWith("imapStep=") && !argument.startsWith("out=")) {
                throw check.error("unknown argument '" + argument + "' (known: -Xmx..., gridEntries=N, imapStep=N, out=FILE, "
                        + "--ycsb-records N, --ycsb-duration D, --out DIR)");
            }
        }
        check.positive("--ycsb-records", ycsbRecords);
        check.positive("--ycsb-duration", ycsbDuration);
        try {
            HeapScenarioRunner.main(scenario.toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            throw check.error(e.getMessage());
        } catch (Exception e) {
            System.err.println("grid bench heap: the heap scenario failed: " + e);
            return 1;
        }
        if (stop.stopping()) {
            return 1;
        }
        Results results = new Results("grid bench heap " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        boolean ok = loadedLatency(heap.substring("-Xmx".length()), ycsbRecords, ycsbDuration, out, stop, results);
        try {
            RunCommand.report(results, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ok ? 0 : 1;
    }

    /** YCSB-A against one member JVM at the same heap, loaded with 100-byte records; adds its runs to the results. */
    static boolean loadedLatency(String heap, long records, Duration duration, Path out, StopSignal stop, Results results) {
        List<String> run = List.of("--workload", "A", "--target", "gridmap,imap", "--mode", "client", "--members", "1",
                "--member-heap", heap, "--records", Long.toString(records), "--fields", "1", "--field-length", "100",
                "--threads", "4", "--warmup", "5s", "--duration", DurationText.format(duration), "--out", out.toString());
        RunCommand.log("YCSB-A on a loaded member: grid bench run " + String.join(" ", run));
        int before = results.runs().size();
        boolean ok = new RunCommand(RunArguments.parse(run), stop, results).execute();
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
}
