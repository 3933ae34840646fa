package dev.grid.perf.bench;

import dev.grid.perf.bench.lock.LockArguments;
import dev.grid.perf.bench.log.LogArguments;
import dev.grid.perf.bench.query.QueryArguments;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.bench.stream.StreamArguments;
import dev.grid.server.cli.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid bench COMMAND [options]}: the main class the {@code ./grid} script runs for
 * {@code grid bench} (with grid's JVM flags), in {@code perf/target/grid-perf.jar}.
 *
 * <pre>
 * grid bench run --workload A --target gridmap,imap,chm --mode embedded --members 3 --threads 16 --records 100000 --duration 30s
 * grid bench run --workload A --target gridmap --target-ops 20000 --duration 30s      # fixed rate, coordinated omission corrected
 * grid bench jmh map -f 1 -wi 2 -i 3                                                  # JMH benchmarks of a group, or a regex
 * grid bench lock                                                                     # FencedLock: grid vs Hazelcast 5.4
 * grid bench log --quick                                                              # grid-log vs Kafka 4.4.0 vs Redis Streams
 * grid bench query --quick                                                            # GridMap's queries vs IMap's, export, DuckDB
 * grid bench stream --quick                                                           # Jet over grid-log vs over IMap's journal
 * grid bench heap                                                                     # heap scenario, GridMap vs IMap
 * grid bench all --out perf/results                                                   # a reduced set of everything, under 20 min
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a run failed, 2 bad input (the message names the option).
 */
@Command(name = "grid bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        header = "grid bench: grid measured against the alternatives side by side, on one machine",
        description = "Starts and stops the members (separate JVMs) itself, prints a progress line every second, and writes a "
                + "terminal table, results.json and a self-contained report.html (docs/bench.md). 'grid bench COMMAND --help' "
                + "describes a command's options, which take --name value or --name=value.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (skipped targets included)", "1:a run failed", "2:bad input (the message names the option and the value)"},
        footer = {"", "Examples:",
                "  grid bench run --workload A,C --target gridmap,imap,chm --members 3",
                "  grid bench lock",
                "  grid bench log --quick",
                "  grid bench query --entries 1000000 --duration 20s",
                "  grid bench stream --quick",
                "  grid bench jmh map -f 1 -wi 2 -i 3",
                "  grid bench all --out perf/results"})
public final class BenchMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private BenchMain() {
    }

    public static void main(String[] args) {
        // the harness stops its own members in order; Hazelcast's hook would race it on Ctrl-C
        System.setProperty("hazelcast.shutdownhook.enabled", "false");
        StopSignal stop = StopSignal.install();
        int code;
        try {
            code = execute(List.of(args), stop);
        } finally {
            stop.finished();
        }
        System.exit(code);
    }

    /**
     * Runs a command in this JVM, writing to {@link System#out} and {@link System#err} as they are now.
     *
     * @return the exit code
     */
    public static int execute(List<String> args, StopSignal stop) {
        CommandLine line = new CommandLine(new BenchMain());
        line.addSubcommand(new RunArguments(stop));
        line.addSubcommand(JmhCommand.commandLine());
        line.addSubcommand(new LockArguments(stop));
        line.addSubcommand(new LogArguments(stop));
        line.addSubcommand(new QueryArguments(stop));
        line.addSubcommand(new StreamArguments(stop));
        line.addSubcommand(HeapCommand.commandLine(stop));
        line.addSubcommand(TxnCommand.commandLine());
        line.addSubcommand(new AllCommand(stop));
        line.addSubcommand(new HelpCommand());
        return CommandLines.configure(line, System.out, System.err).execute(args.toArray(new String[0]));
    }

    /** {@code grid bench} without a command: the usage, as bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
