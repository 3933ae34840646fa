package dev.grid.perf.bench.log;

import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code grid bench log}: its options, checked into {@link LogOptions} (every error names the option and the value), and the run ({@link LogCommand}). */
@Command(name = "log", mixinStandardHelpOptions = true,
        header = "grid-log vs Apache Kafka 4.4.0 vs Redis Streams: produce and consume throughput, end-to-end latency",
        description = {
                "For each topology (replicated: 3 servers, a record acknowledged once 2 hold it - grid with 1 synchronous backup, "
                        + "Kafka with replication factor 2, min.insync.replicas 2 and acks=all; single: 1 server, no replica - grid with "
                        + "0 backups, Kafka with replication factor 1, Redis) and each system, starts its servers (grid member JVMs, Kafka "
                        + "KRaft broker JVMs from perf's own class path, a redis-server child process when redis-server is on the PATH; "
                        + "nothing is downloaded), then measures from a client over TCP: produce throughput (--records records of "
                        + "--record-size bytes to a topic of each --partitions count, acknowledged), consume throughput (the 1-partition "
                        + "topic read from its first record) and end-to-end latency at each --rates (from each record's intended send "
                        + "time to its delivery to a consumer, HdrHistogram, coordinated omission corrected), then stops them and deletes "
                        + "their data. Systems run one after the other, so their figures are comparable. Prints a progress line every "
                        + "second and a summary (grid/kafka ratios) at the end; writes results.json and report.html (throughput over "
                        + "time, latency distributions). A system that cannot run is reported as skipped, with the reason.",
                "",
                "Durations are written 500ms, 1.5s, 30s, 2m. Details: docs/bench.md."},
        footer = {"", "Examples:",
                "  grid bench log --quick                                   # everything, small numbers, under 2 minutes",
                "  grid bench log --systems grid,kafka --topologies replicated --records 2000000",
                "  grid bench log --rates 10000,50000,100000 --duration 30s --out perf/results/log"})
public final class LogArguments implements Callable<Integer> {
    private static final long QUICK_RECORDS = 50_000;
    private static final long RECORDS = 5_000_000;
    private static final Duration QUICK_WARMUP = Duration.ofSeconds(1);
    private static final Duration WARMUP = Duration.ofSeconds(15);
    private static final Duration QUICK_SETTLE = Duration.ZERO;
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Duration QUICK_DURATION = Duration.ofSeconds(2);
    private static final Duration DURATION = Duration.ofSeconds(20);
    private static final Duration QUICK_RUN_LIMIT = Duration.ofSeconds(20);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    private final StopSignal stop;
    @Spec
    private CommandSpec spec;

    @Option(names = {"--systems", "--system"}, paramLabel = "SYSTEM[,..]", split = ",", hideParamSyntax = true, defaultValue = "grid,kafka,redis",
            description = "grid, kafka, redis (default ${DEFAULT-VALUE})")
    private List<String> systems;
    @Option(names = "--topologies", paramLabel = "TOPOLOGY[,..]", split = ",", hideParamSyntax = true, defaultValue = "replicated,single",
            description = "replicated (3 servers, 2 copies acknowledged), single (1 server) (default ${DEFAULT-VALUE})")
    private List<String> topologies;
    @Option(names = "--records", paramLabel = "N", description = "records of each produce run (default 5000000; --quick 50000)")
    private Long records;
    @Option(names = "--partitions", paramLabel = "N[,..]", split = ",", hideParamSyntax = true, defaultValue = "1,8",
            description = "partitions of the produce runs' topics (default ${DEFAULT-VALUE})")
    private List<String> partitions;
    @Option(names = "--rates", paramLabel = "N[,..]", split = ",", hideParamSyntax = true, defaultValue = "10000,50000",
            description = "records/s of the latency runs (default ${DEFAULT-VALUE})")
    private List<String> rates;
    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "warm-up of each latency run, not counted; may be 0s (default 15s; --quick 1s)")
    private Duration warmup;
    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "before its first latency run, each deployment runs one at the lowest --rates for this long, not reported: "
                    + "on 2 cores a JVM's latency keeps falling for 1-2 minutes of that load (JIT compilation); may be 0s "
                    + "(default 90s; --quick 0s)")
    private Duration settle;
    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "measured time of each latency run, > 0 (default 20s; --quick 2s)")
    private Duration duration;
    @Option(names = "--run-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "the most a produce or consume run may take; it then stops and says so (default 60s; --quick 20s)")
    private Duration runLimit;
    @Option(names = "--record-size", paramLabel = "BYTES", defaultValue = "100", description = "bytes per record, "
            + RecordCodec.DIGITS + " to 65536 (default ${DEFAULT-VALUE})")
    private int recordSize;
    @Option(names = "--linger", paramLabel = "DURATION", defaultValue = "5ms", converter = DurationConverter.class,
            description = "how long a producer batch waits for more records, every system (default ${DEFAULT-VALUE}, Kafka's default)")
    private Duration linger;
    @Option(names = "--batch-bytes", paramLabel = "SIZE", defaultValue = "64k",
            description = "most bytes of records per producer request to a partition, every system: Kafka's batch.size, grid's "
                    + "batchBytes, Redis' pipeline (default ${DEFAULT-VALUE})")
    private String batchBytes;
    @Option(names = "--server-heap", paramLabel = "SIZE", defaultValue = "1g", description = "-Xms/-Xmx of grid member and Kafka broker JVMs (default ${DEFAULT-VALUE})")
    private String serverHeap;
    @Option(names = "--out", paramLabel = "DIR", description = "where results.json, report.html and the servers' logs go (default bench-results/log-TIMESTAMP)")
    private Path out;
    @Option(names = "--quick", description = "small numbers everywhere (records, warm-up, duration, run limit): the whole run in under 2 minutes")
    private boolean quick;

    /** @param stop the stop signal (Ctrl-C) */
    public LogArguments(StopSignal stop) {
        this.stop = stop;
    }

    /**
     * For commands that run a log step of their own.
     *
     * @param args {@code grid bench log}'s arguments
     * @return the options they give
     * @throws CommandLine.ParameterException naming the first bad option
     */
    public static LogOptions parse(List<String> args) {
        LogArguments arguments = new LogArguments(StopSignal.manual());
        new CommandLine(arguments).parseArgs(args.toArray(new String[0]));
        return arguments.options();
    }

    @Override
    public Integer call() {
        LogOptions options = options();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int own = args.indexOf(spec.name()); // the original arguments start with the command's own name
        String command = "grid bench log " + String.join(" ", own >= 0 ? args.subList(own + 1, args.size()) : args);
        try {
            return new LogCommand(options, stop, command).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + options.out(), e);
        }
    }

    /** @return the options, checked */
    LogOptions options() {
        OptionCheck check = new OptionCheck(spec);
        List<LogSystem> systemList = distinct(items(check, "--systems", systems, LogSystem::parse));
        List<Topology> topologyList = distinct(items(check, "--topologies", topologies, Topology::parse));
        List<Integer> partitionList = distinct(items(check, "--partitions", partitions, t -> intBetween(t, 1, 10_000)));
        List<Integer> rateList = distinct(items(check, "--rates", rates, t -> intBetween(t, 1, 10_000_000)));
        if (!serverHeap.matches("[0-9]+[kKmMgG]?")) {
            throw check.error("--server-heap must be a JVM heap size such as 512m or 2g, was '" + serverHeap + "'");
        }
        int batch;
        try {
            batch = (int) size(batchBytes);
        } catch (IllegalArgumentException e) {
            throw check.error("--batch-bytes " + e.getMessage());
        }
        check.between("--batch-bytes", batch, 1024, 16 << 20);
        check.between("--record-size", recordSize, RecordCodec.DIGITS, 65_536);
        check.between("--linger", linger.toMillis(), 0, 10_000);
        Path directory = out != null ? out
                : Path.of("bench-results", "log-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new LogOptions(systemList, topologyList,
                check.positive("--records", records != null ? records : quick ? QUICK_RECORDS : RECORDS), partitionList, rateList,
                check.notNegative("--warmup", warmup != null ? warmup : quick ? QUICK_WARMUP : WARMUP),
                check.notNegative("--settle", settle != null ? settle : quick ? QUICK_SETTLE : SETTLE),
                check.positive("--duration", duration != null ? duration : quick ? QUICK_DURATION : DURATION),
                check.positive("--run-limit", runLimit != null ? runLimit : quick ? QUICK_RUN_LIMIT : RUN_LIMIT),
                recordSize, linger, batch, serverHeap, directory, quick);
    }

    /** @return bytes of {@code 65536}, {@code 64k}, {@code 1m} */
    static long size(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        if (!digits.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("must be a size in bytes such as 65536, 64k or 1m, was '" + text + "'");
        }
        return Long.parseLong(digits) * unit;
    }

    private static int intBetween(String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be whole numbers, was '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    private static <T> List<T> distinct(List<T> items) {
        return items.stream().distinct().toList();
    }

    /** @return each non-blank item of a list option, read; an error names the option and the item */
    private static <T> List<T> items(OptionCheck check, String option, List<String> texts, Function<String, T> reader) {
        List<T> items = new ArrayList<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                try {
                    items.add(reader.apply(text.trim()));
                } catch (IllegalArgumentException e) {
                    throw check.error(option + " " + e.getMessage());
                }
            }
        }
        if (items.isEmpty()) {
            throw check.error(option + " must not be empty");
        }
        return items;
    }
}
