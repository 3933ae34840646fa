package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.signal.StopSignal;
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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code grid bench stream}: its options, checked into {@link StreamOptions} (every error names the option and the value), and the run ({@link StreamCommand}). */
@Command(name = "stream", mixinStandardHelpOptions = true,
        header = "Jet over grid-log into a GridMap against Jet over IMap's event journal into an IMap: events/s and append-to-result latency",
        description = {
                "Starts --members grid member JVMs (127.0.0.1, one synchronous backup, Jet on) and connects as a client. The same "
                        + "pipeline runs on both inputs: 1 s tumbling event-time windows summing each product's amounts, EXACTLY_ONCE, "
                        + "results set as '<product>@<window end>' in a sink map. grid: events appended to a grid-log topic "
                        + "(key product, value amount) -> GridSources.log -> window -> GridSinks.gridMap. imap-journal: the same "
                        + "events put into an IMap with its event journal on -> Sources.mapJournal -> window -> Sinks.map.",
                "Throughput: the job started on an empty input, then --records events appended as fast as the system takes them, "
                        + "timed from the first append until the sink shows every window's sum (the append rate is shown beside it). "
                        + "Latency: events at a fixed --rate (default half the slower system's throughput) for "
                        + "--warmup plus --duration; the harness polls the sink map and times each window's result from the window's "
                        + "end (the append time of the last event it can hold) and each event from its append. Every sum is checked "
                        + "against the generated events: a wrong one fails the run (exit code 1). Prints a progress line every second "
                        + "and a summary against the goals (throughput >= 1.0x the journal's, p99 < 100 ms at half the maximum rate); "
                        + "writes results.json and report.html (latency distributions, throughput over time).",
                "",
                "Durations are written 500ms, 1.5s, 30s, 2m. Details: docs/bench.md."},
        footer = {"", "Examples:",
                "  grid bench stream --quick                                # 30,000 events, 1 s warm-up, 5 s latency runs",
                "  grid bench stream --records 2000000 --duration 60s",
                "  grid bench stream --rate 20000 --out perf/results/stream"})
public final class StreamArguments implements Callable<Integer> {
    private static final long QUICK_RECORDS = 30_000;
    private static final Duration QUICK_WARMUP = Duration.ofSeconds(1);
    private static final Duration QUICK_DURATION = Duration.ofSeconds(5);
    /** The window latency of both jobs falls for 10-15 s after they start (JIT compilation): 20 s puts it on its plateau. */
    private static final Duration WARMUP = Duration.ofSeconds(20);

    private final StopSignal stop;
    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N",
            description = "events appended to each system in the throughput runs, 1000 to 50000000 (default 1000000; --quick 30000)")
    private Long records;
    @Option(names = "--rate", paramLabel = "N",
            description = "events/s of the latency runs, 1 to 10000000 (default: half the slower system's measured throughput)")
    private Integer rate;
    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "start of each latency run, not counted; may be 0s (default 20s: window latency falls for 10-15 s after a "
                    + "job starts, while the JIT compiles; --quick 1s)")
    private Duration warmup;
    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "measured time of each latency run, > 0 (default 30s; --quick 5s)")
    private Duration duration;
    @Option(names = "--products", paramLabel = "N", defaultValue = "100", description = "distinct products (keys), 1 to 10000 (default ${DEFAULT-VALUE})")
    private int products;
    @Option(names = "--members", paramLabel = "N", defaultValue = "3", description = "grid member JVMs, 1 to 5 (default ${DEFAULT-VALUE})")
    private int members;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "271",
            description = "the cluster's partition count, so the IMap journal's, 1 to 1000 (default ${DEFAULT-VALUE}, Hazelcast's)")
    private int partitions;
    @Option(names = "--log-partitions", paramLabel = "N", defaultValue = "12",
            description = "partitions of the grid-log topics, 1 to 1000 (default ${DEFAULT-VALUE})")
    private int logPartitions;
    @Option(names = "--snapshot-interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            description = "Jet snapshot interval of both jobs (EXACTLY_ONCE), > 0 (default ${DEFAULT-VALUE})")
    private Duration snapshotInterval;
    @Option(names = "--server-heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "-Xms/-Xmx of each member JVM: the IMap, its journal and Jet's state live there (default ${DEFAULT-VALUE})")
    private String serverHeap;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seed of the events' products and amounts (default ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--out", paramLabel = "DIR",
            description = "where results.json, report.html and the members' logs go (default bench-results/stream-TIMESTAMP)")
    private Path out;
    @Option(names = "--quick", description = "small numbers (records, warm-up, duration) where not given: the whole run in about a minute on a quiet machine")
    private boolean quick;

    /** @param stop the stop signal (Ctrl-C) */
    public StreamArguments(StopSignal stop) {
        this.stop = stop;
    }

    /**
     * @param args {@code grid bench stream}'s arguments
     * @return the options they give
     * @throws CommandLine.ParameterException naming the first bad option
     */
    public static StreamOptions parse(List<String> args) {
        StreamArguments arguments = new StreamArguments(StopSignal.manual());
        new CommandLine(arguments).parseArgs(args.toArray(new String[0]));
        return arguments.options();
    }

    @Override
    public Integer call() {
        StreamOptions options = options();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int own = args.indexOf(spec.name()); // the original arguments start with the command's own name
        String command = "grid bench stream " + String.join(" ", own >= 0 ? args.subList(own + 1, args.size()) : args);
        try {
            return new StreamCommand(options, stop, command).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + options.out(), e);
        }
    }

    /** @return the options, checked */
    StreamOptions options() {
        OptionCheck check = new OptionCheck(spec);
        long recordCount = check.between("--records", records != null ? records : quick ? QUICK_RECORDS : 1_000_000, 1_000, 50_000_000);
        int fixedRate = rate == null ? 0 : (int) check.between("--rate", rate, 1, 10_000_000);
        check.between("--products", products, 1, 10_000);
        check.between("--members", members, 1, 5);
        check.between("--partitions", partitions, 1, 1_000);
        check.between("--log-partitions", logPartitions, 1, 1_000);
        if (!serverHeap.matches("[0-9]+[kKmMgG]?")) {
            throw check.error("--server-heap must be a JVM heap size such as 512m or 2g, was '" + serverHeap + "'");
        }
        Path directory = out != null ? out
                : Path.of("bench-results", "stream-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new StreamOptions(recordCount, fixedRate,
                check.notNegative("--warmup", warmup != null ? warmup : quick ? QUICK_WARMUP : WARMUP),
                check.positive("--duration", duration != null ? duration : quick ? QUICK_DURATION : Duration.ofSeconds(30)),
                products, members, partitions, logPartitions, check.positive("--snapshot-interval", snapshotInterval), serverHeap, seed,
                directory);
    }
}
