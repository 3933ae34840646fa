package dev.grid.perf.bench.query;

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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code grid bench query}: its options, checked into {@link QueryOptions} (every error names the option and the value), and the run ({@link QueryCommand}). */
@Command(name = "query", mixinStandardHelpOptions = true,
        header = "GridMap's queries against IMap's: indexed equality and range, full-scan SUM and GROUP BY, export to Parquet, DuckDB offline",
        description = {
                "Starts --members grid member JVMs (127.0.0.1, one synchronous backup) and connects as a client; loads the same "
                        + "--entries orders (id, category, price, quantity) into a GridMap and an IMap, adds the same indexes to both (hash "
                        + "on category, sorted on price) and an SQL mapping of each; runs the operations on both maps in turn for --settle, "
                        + "not counted; then measures each operation on each map, one after the other, for --warmup plus --duration, one call at a time: indexed equality (category = ?), indexed range "
                        + "(price between bounds selecting 0.1%), SUM(price) through each map's API and through SQL, GROUP BY category "
                        + "through SQL; then GridMap's export of the whole map to Parquet, and the same GROUP BY in DuckDB over the export. "
                        + "Every answer is checked against the generated data: a wrong one fails its run (exit code 1). Prints a progress "
                        + "line every second and a summary with GridMap/IMap ratios against their goals (>= 1.0x indexed, >= 2x "
                        + "aggregates); writes results.json and report.html (latency distributions, throughput over time).",
                "",
                "Durations are written 500ms, 1.5s, 30s, 2m. Details: docs/bench.md."},
        footer = {"", "Examples:",
                "  grid bench query --quick                                 # 20,000 entries, 1 s warm-up, 2 s runs",
                "  grid bench query --entries 1000000 --duration 20s",
                "  grid bench query --operations equality,range             # the indexed queries only",
                "  grid bench query --members 1 --entries 100000 --out perf/results/query"})
public final class QueryArguments implements Callable<Integer> {
    private static final int QUICK_ENTRIES = 20_000;
    private static final Duration QUICK_WARMUP = Duration.ofSeconds(1);
    private static final Duration QUICK_DURATION = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final StopSignal stop;
    @Spec
    private CommandSpec spec;

    @Option(names = "--entries", paramLabel = "N", description = "entries in each map, 1 to 10000000 (default 1000000; --quick 20000)")
    private Integer entries;
    @Option(names = "--members", paramLabel = "N", defaultValue = "3", description = "grid member JVMs, 1 to 5 (default ${DEFAULT-VALUE})")
    private int members;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "271",
            description = "the cluster's partition count, 1 to 1000 (default ${DEFAULT-VALUE}, Hazelcast's)")
    private int partitions;
    @Option(names = "--categories", paramLabel = "N", defaultValue = "100", description = "distinct categories, 1 to 1000 (default ${DEFAULT-VALUE})")
    private int categories;
    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "calls before each measured run, not counted; may be 0s (default 5s; --quick 1s)")
    private Duration warmup;
    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "before any run is measured, every selected map operation on both maps in turn, a call each, not counted; "
                    + "may be 0s (default 60s; --quick 0s)")
    private Duration settle;
    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "measured time of each run, > 0; a run makes at least one call (default 20s; --quick 2s)")
    private Duration duration;
    @Option(names = "--server-heap", paramLabel = "SIZE", defaultValue = "2g",
            description = "-Xms/-Xmx of each member JVM: both maps' entries and indexes live there (default ${DEFAULT-VALUE})")
    private String serverHeap;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seed of the data and the query parameters (default ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--out", paramLabel = "DIR",
            description = "where results.json, report.html, the export and the members' logs go (default bench-results/query-TIMESTAMP)")
    private Path out;
    @Option(names = "--operations", paramLabel = "OP[,OP...]", split = ",",
            description = "what to measure, run in the usual order whatever the order given: equality, range, sum-api, sum-sql, "
                    + "group-by-sql, export, group-by-offline (needs export) (default: all)")
    private List<String> operations;
    @Option(names = "--quick", description = "small numbers (entries, warm-up, duration) where not given: the whole run in about a minute")
    private boolean quick;

    /** @param stop the stop signal (Ctrl-C) */
    public QueryArguments(StopSignal stop) {
        this.stop = stop;
    }

    /**
     * @param args {@code grid bench query}'s arguments
     * @return the options they give
     * @throws CommandLine.ParameterException naming the first bad option
     */
    public static QueryOptions parse(List<String> args) {
        QueryArguments arguments = new QueryArguments(StopSignal.manual());
        new CommandLine(arguments).parseArgs(args.toArray(new String[0]));
        return arguments.options();
    }

    @Override
    public Integer call() {
        QueryOptions options = options();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int own = args.indexOf(spec.name()); // the original arguments start with the command's own name
        String command = "grid bench query " + String.join(" ", own >= 0 ? args.subList(own + 1, args.size()) : args);
        try {
            return new QueryCommand(options, stop, command).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + options.out(), e);
        }
    }

    /** @return the options, checked */
    QueryOptions options() {
        OptionCheck check = new OptionCheck(spec);
        int entryCount = (int) check.between("--entries", entries != null ? entries : quick ? QUICK_ENTRIES : 1_000_000, 1, 10_000_000);
        check.between("--members", members, 1, 5);
        check.between("--partitions", partitions, 1, 1_000);
        check.between("--categories", categories, 1, 1_000);
        if (!serverHeap.matches("[0-9]+[kKmMgG]?")) {
            throw check.error("--server-heap must be a JVM heap size such as 512m or 2g, was '" + serverHeap + "'");
        }
        Path directory = out != null ? out
                : Path.of("bench-results", "query-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new QueryOptions(entryCount, members, partitions, categories,
                check.notNegative("--warmup", warmup != null ? warmup : quick ? QUICK_WARMUP : Duration.ofSeconds(5)),
                check.notNegative("--settle", settle != null ? settle : quick ? Duration.ZERO : SETTLE),
                check.positive("--duration", duration != null ? duration : quick ? QUICK_DURATION : Duration.ofSeconds(20)),
                serverHeap, seed, selected(check), directory);
    }

    /** @return the operations {@code --operations} names, in their run order (every one if not given) */
    private List<QueryOperation> selected(OptionCheck check) {
        if (operations == null) {
            return List.of(QueryOperation.values());
        }
        EnumSet<QueryOperation> chosen = EnumSet.noneOf(QueryOperation.class);
        for (String label : operations) {
            chosen.add(QueryOperation.ofLabel(label).orElseThrow(() -> check.error("--operations must name operations among "
                    + Arrays.stream(QueryOperation.values()).map(QueryOperation::label).collect(Collectors.joining(", "))
                    + ", was '" + label + "'")));
        }
        if (chosen.contains(QueryOperation.GROUP_BY_OFFLINE) && !chosen.contains(QueryOperation.EXPORT)) {
            throw check.error("--operations group-by-offline reads the export: name export too, was '" + String.join(",", operations) + "'");
        }
        return List.copyOf(chosen);
    }
}
