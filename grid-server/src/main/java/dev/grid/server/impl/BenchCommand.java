package dev.grid.server.impl;

import dev.grid.server.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid bench} in {@code grid --help} and in the completion script: the {@code ./grid} launcher runs it in its
 * own JVM ({@code dev.grid.perf.bench.BenchMain} in {@code perf/target/grid-perf.jar}; perf depends on this module,
 * not the other way), so here it only says so.
 */
@Command(name = "bench", header = "benchmarks side by side: YCSB load, locks, transactions, heap, JMH (grid bench --help)",
        description = "Run through the ./grid launcher, which starts the perf harness (perf/target/grid-perf.jar) for it.")
public final class BenchCommand implements Callable<Integer> {
    private final PrintStream err;
    @Parameters(hidden = true)
    private List<String> arguments;

    /** @param err where the pointer to the launcher goes */
    public BenchCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("grid bench: runs through the ./grid launcher (it starts perf/target/grid-perf.jar): ./grid bench --help");
        return GridCommand.USAGE;
    }
}
