package dev.grid.server.impl.query;

import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code grid export}: the commands that export a map ({@code map}) or a topic ({@code topic}) to files. */
@Command(name = "export", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        header = "export a GridMap or a topic to Parquet or CSV files, for offline SQL",
        description = {
                "Reads a GridMap's entries or a topic's records as a client of the cluster the --config file describes (as "
                        + "'grid partitions' does), partition by partition, and writes them to Parquet (zstd) or CSV files in "
                        + "the --out directory, with a manifest.json written last. 'grid sql --offline DIR' queries them. Columns, "
                        + "types and what an export promises: docs/query-export.md.",
                "",
                "  grid export map orders --out /tmp/orders",
                "  grid export topic clicks --out /tmp/clicks --from 2024-05-01T00:00:00Z --to 1h --format csv",
                "  grid sql --offline /tmp/orders -e \"SELECT count(*), sum(value) FROM orders\""})
public final class ExportCommand implements Callable<Integer> {
    private final PrintStream err;
    @Spec
    private CommandSpec spec;

    ExportCommand(PrintStream err) {
        this.err = err;
    }

    /** {@code grid export} without a command: the usage, as bad input. */
    @Override
    public Integer call() {
        err.print(spec.commandLine().getUsageMessage());
        return GridCommand.USAGE;
    }
}
