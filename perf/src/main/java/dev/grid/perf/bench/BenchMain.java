package dev.grid.perf.bench;

import dev.grid.perf.bench.lock.LockCommand;
import dev.grid.perf.bench.report.Results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * {@code grid bench COMMAND [options]}: the main class the {@code ./grid} script runs for
 * {@code grid bench} (with grid's JVM flags), in {@code perf/target/grid-perf.jar}.
 *
 * <pre>
 * grid bench run --workload A --target gridmap,imap,chm --mode embedded --members 3 --threads 16 --records 100000 --duration 30s
 * grid bench run --workload A --target gridmap --target-ops 20000 --duration 30s      # fixed rate, coordinated omission corrected
 * grid bench jmh map -f 1 -wi 2 -i 3                                                  # JMH benchmarks of a group, or a regex
 * grid bench lock                                                                     # FencedLock: grid vs Hazelcast 5.4
 * grid bench heap                                                                     # heap scenario, GridMap vs IMap
 * grid bench all --out perf/results                                                   # a reduced set of everything, under 20 min
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a run failed, 2 bad input (the message names the option).
 */
public final class BenchMain {
    static final String USAGE = String.join("\n",
            "usage: grid bench COMMAND [options]",
            "",
            "commands:",
            "  run    YCSB workloads against targets side by side; results.json, report.html",
            "         --workload A[,B..F]   --target gridmap,imap,chm[,redis]   --mode embedded|client[,..]",
            "         --members N (1)  --threads N (8)  --records N (100000)  --fields N (10)  --field-length N (100)",
            "         --duration 30s  --warmup 5s  --target-ops N (fixed rate; default max throughput)",
            "         --distribution zipfian|uniform|latest  --zipfian-constant 0.99  --partitions 271  --member-heap 1g",
            "         --address host:port[,..] --cluster-name NAME --connect-timeout 10s (client mode, existing cluster)",
            "         --out DIR (bench-results/TIMESTAMP)  --seed N",
            "  jmh    [GROUP|REGEX] [JMH options]: the JMH benchmarks (groups: " + String.join(", ", BenchmarkGroups.names()) + ")",
            "  lock   FencedLock lock+unlock pairs/s: grid vs Hazelcast 5.4's CP FencedLock, 3 members each",
            "         --targets grid,hazelcast-5.4  --threads N (4, contended)  --warmup 3s  --duration 10s  --out DIR",
            "  heap   heap scenario (GridMap vs IMap at the same -Xmx) and YCSB-A latency on a loaded member",
            "         [-Xmx512m] [gridEntries=N] [imapStep=N] [out=FILE] [--ycsb-records N] [--ycsb-duration 20s] [--out DIR]",
            "  txn    XA transactions/s: 2PC GridMap + PostgreSQL and 1PC GridMap-only, 1 and 16 threads [JMH options]",
            "  all    a reduced but meaningful set of everything (under 20 minutes): --out DIR (perf/results)");

    private BenchMain() {
    }

    public static void main(String[] args) {
        // the harness stops its own members in order; Hazelcast's hook would race it on Ctrl-C
        System.setProperty("hazelcast.shutdownhook.enabled", "false");
        StopSignal stop = StopSignal.install();
        int code;
        try {
            code = execute(Arrays.asList(args), stop);
        } finally {
            stop.finished();
        }
        System.exit(code);
    }

    /**
     * Runs a command in this JVM.
     *
     * @return the exit code
     */
    public static int execute(List<String> args, StopSignal stop) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            System.out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "run" -> run(rest, stop);
                case "jmh" -> JmhCommand.run(rest);
                case "lock" -> LockCommand.run(rest, stop);
                case "heap" -> HeapCommand.run(rest, stop);
                case "txn" -> TxnCommand.run(rest);
                case "all" -> AllCommand.run(rest, stop);
                default -> throw new UsageException("unknown command '" + command + "' (run, jmh, lock, heap, txn, all)");
            };
        } catch (UsageException e) {
            System.err.println("grid bench: " + e.getMessage());
            System.err.println("(grid bench --help lists the commands and options)");
            return 2;
        }
    }

    private static int run(List<String> args, StopSignal stop) {
        RunOptions options = RunOptions.parse(args);
        Results results = new Results("grid bench run " + String.join(" ", args), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        boolean ok = false;
        try {
            ok = new RunCommand(options, stop, results).execute();
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
}
