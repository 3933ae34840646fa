package dev.grid.perf.bench;

import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.targets.ClusterUnreachableException;
import dev.grid.perf.bench.targets.Mode;
import dev.grid.perf.bench.targets.TargetKind;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;
import dev.grid.perf.bench.ycsb.ZipfianGenerator;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code grid bench run}: its options, checked into {@link RunOptions} (every error names the option and the
 * value), and the run itself ({@link RunCommand}), whose results are written even when it stops early.
 */
@Command(name = "run", mixinStandardHelpOptions = true, header = "YCSB workloads against targets side by side; results.json, report.html",
        description = {
                "For each target (and mode) starts its deployment, then for each workload loads a fresh map with --records records and "
                        + "runs the workload from --threads threads for --warmup (not counted) plus --duration, printing a progress "
                        + "line every second. Targets run one after the other on the same machine, so their results are comparable; "
                        + "a target that cannot run is reported as skipped, with the reason.",
                "",
                "Durations are written 500ms, 1.5s, 30s, 2m (docs/config.md#durations). Details: docs/bench.md."},
        footer = {"", "Examples:",
                "  grid bench run --workload A --target gridmap,imap,chm --mode embedded --members 3 --threads 16 --duration 30s",
                "  grid bench run --workload A --target gridmap --target-ops 20000 --duration 30s   # fixed rate"})
final class RunArguments implements Callable<Integer> {
    private final StopSignal stop;
    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "A[,B..F]", split = ",", hideParamSyntax = true, defaultValue = "A",
            description = "YCSB core workloads (default ${DEFAULT-VALUE})")
    private List<String> workloads;
    @Option(names = {"--target", "--targets"}, paramLabel = "TARGET[,..]", split = ",", hideParamSyntax = true, defaultValue = "gridmap,imap,chm",
            description = "gridmap, imap, chm, redis (default ${DEFAULT-VALUE})")
    private List<String> targets;
    @Option(names = "--mode", paramLabel = "MODE[,..]", split = ",", hideParamSyntax = true, defaultValue = "embedded",
            description = "grid targets: embedded (the harness is a member) or client; a list runs each (default ${DEFAULT-VALUE})")
    private List<String> modes;
    @Option(names = "--members", paramLabel = "N", description = "cluster size (default 1)")
    private Integer members;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "8", description = "benchmark threads (default ${DEFAULT-VALUE})")
    private int threads;
    @Option(names = "--records", paramLabel = "N", defaultValue = "100000", description = "records loaded before the run (default ${DEFAULT-VALUE})")
    private long records;
    @Option(names = "--fields", paramLabel = "N", defaultValue = "10", description = "fields per record (default ${DEFAULT-VALUE})")
    private int fields;
    @Option(names = "--field-length", paramLabel = "N", defaultValue = "100", description = "bytes per field (default ${DEFAULT-VALUE})")
    private int fieldLength;
    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "measured time per workload, > 0 (default ${DEFAULT-VALUE})")
    private Duration duration;
    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "warm-up per workload, not counted; may be 0s (default ${DEFAULT-VALUE})")
    private Duration warmup;
    @Option(names = "--target-ops", paramLabel = "N",
            description = "fixed rate: N ops/s across all threads, latency from the intended start (default: max throughput)")
    private Double targetOps;
    @Option(names = "--distribution", paramLabel = "DIST", description = "zipfian, uniform or latest (default: the workload's own)")
    private String distribution;
    @Option(names = "--zipfian-constant", paramLabel = "C", defaultValue = "" + ZipfianGenerator.DEFAULT_CONSTANT,
            description = "skew, in (0, 1) (default ${DEFAULT-VALUE})")
    private double zipfConstant;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "271", description = "the cluster's partition count (default ${DEFAULT-VALUE})")
    private int partitions;
    @Option(names = "--member-heap", paramLabel = "SIZE", defaultValue = "1g", description = "-Xms/-Xmx of member JVMs (default ${DEFAULT-VALUE})")
    private String memberHeap;
    @Option(names = "--address", paramLabel = "HOST:PORT[,..]", split = ",", hideParamSyntax = true,
            description = "an existing cluster, reached as a client (needs --mode client; no members started)")
    private List<String> addresses;
    @Option(names = "--cluster-name", paramLabel = "NAME", description = "that cluster's name (default grid)")
    private String clusterName;
    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "how long to try to reach that cluster (default ${DEFAULT-VALUE})")
    private Duration connectTimeout;
    @Option(names = "--out", paramLabel = "DIR", description = "where results.json, report.html and member logs go (default bench-results/TIMESTAMP)")
    private Path out;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "random seed of records and keys (default ${DEFAULT-VALUE})")
    private long seed;

    /** @param stop the stop signal (Ctrl-C) */
    RunArguments(StopSignal stop) {
        this.stop = stop;
    }

    /**
     * For commands that run YCSB steps of their own ({@code bench all}, {@code bench heap}).
     *
     * @param args {@code grid bench run}'s arguments
     * @return the options they give
     * @throws CommandLine.ParameterException naming the first bad option
     */
    static RunOptions parse(List<String> args) {
        RunArguments arguments = new RunArguments(StopSignal.manual());
        new CommandLine(arguments).parseArgs(args.toArray(new String[0]));
        return arguments.options();
    }

    @Override
    public Integer call() {
        RunOptions options = options();
        Results results = new Results("grid bench run " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        boolean ok = false;
        try {
            ok = new RunCommand(options, stop, results).execute();
        } catch (ClusterUnreachableException e) {
            throw new OptionCheck(spec).error(e.getMessage());
        } finally {
            if (!results.runs().isEmpty()) {
                try {
                    RunCommand.report(results, options.out());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write results to " + options.out(), e);
                }
            }
        }
        return ok ? 0 : 1;
    }

    /** @return the options, checked */
    RunOptions options() {
        OptionCheck check = new OptionCheck(spec);
        if (!(zipfConstant > 0 && zipfConstant < 1)) {
            throw check.error("--zipfian-constant must be in (0, 1), was " + zipfConstant);
        }
        if (!memberHeap.matches("[0-9]+[kKmMgG]?")) {
            throw check.error("--member-heap must be a JVM heap size such as 512m or 2g, was '" + memberHeap + "'");
        }
        List<String> cluster = addresses == null ? List.of() : items(check, "--address", addresses, a -> a);
        for (String a : cluster) {
            if (!a.matches("[^:\\s]+:[0-9]{1,5}")) {
                throw check.error("--address must be host:port[,host:port...], was '" + a + "'");
            }
        }
        List<Mode> modeList = items(check, "--mode", modes, Mode::parse);
        if (!cluster.isEmpty() && !modeList.equals(List.of(Mode.CLIENT))) {
            throw check.error("--address connects to an existing cluster as a client: it needs --mode client");
        }
        if (!cluster.isEmpty() && members != null) {
            throw check.error("--members starts members; with --address the existing cluster is used: give one, not both");
        }
        if (targetOps != null && !(targetOps > 0 && Double.isFinite(targetOps))) {
            throw check.error("--target-ops must be > 0, was " + targetOps);
        }
        Path directory = out != null ? out
                : Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new RunOptions(items(check, "--workload", workloads, Workload::parse), items(check, "--target", targets, TargetKind::parse),
                modeList, (int) check.positive("--members", members == null ? 1 : members), (int) check.positive("--threads", threads),
                check.positive("--records", records), (int) check.positive("--fields", fields), (int) check.positive("--field-length", fieldLength),
                check.positive("--duration", duration), check.notNegative("--warmup", warmup), targetOps == null ? 0 : targetOps,
                distribution == null ? null : item(check, "--distribution", distribution, Distribution::parse), zipfConstant,
                (int) check.positive("--partitions", partitions), memberHeap, cluster, clusterName,
                check.positive("--connect-timeout", connectTimeout), directory, check.positive("--seed", seed));
    }

    /** @return each non-blank item of a list option, read; an error names the option and the item */
    private static <T> List<T> items(OptionCheck check, String option, List<String> texts, Function<String, T> reader) {
        List<T> items = new ArrayList<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                items.add(item(check, option, text.trim(), reader));
            }
        }
        if (items.isEmpty()) {
            throw check.error(option + " must not be empty");
        }
        return items;
    }

    private static <T> T item(OptionCheck check, String option, String text, Function<String, T> reader) {
        try {
            return reader.apply(text);
        } catch (IllegalArgumentException e) {
            throw check.error(option + " " + e.getMessage());
        }
    }
}
