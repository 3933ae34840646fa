package dev.grid.server.impl;

import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridException;
import dev.grid.server.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code grid partitions}: connects as a client and prints who owns how many partitions. */
@Command(name = "partitions", mixinStandardHelpOptions = true, header = "print the partition distribution of a running cluster",
        description = "Connects to the cluster the config describes (its clusterName, network.members and security.secret, or the "
                + "GRID_SECRET environment variable) as a client and prints the partitions each member owns, with min, max and "
                + "the ideal share.")
public final class PartitionsCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;
    @Mixin
    private ConfigOption configOption = new ConfigOption();

    /**
     * @param out where the distribution goes
     * @param err where errors go
     */
    public PartitionsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        GridClientConfig clientConfig;
        try {
            clientConfig = GridClientConfig.forCluster(configOption.load().config()).setConnectTimeout(CONNECT_TIMEOUT);
        } catch (GridConfigException e) {
            err.println("grid partitions: " + e.getMessage());
            return GridCommand.USAGE;
        }
        try (Grid grid = Grid.client(clientConfig)) {
            // A new client learns the partition table from the members shortly after it connects.
            Await.until(CONNECT_TIMEOUT, () -> grid.partitions().distribution().unassigned() == 0);
            out.println("cluster '" + grid.clusterName() + "': " + grid.members().size() + " members");
            out.print(PartitionReport.format(grid.partitions().distribution(), "  "));
            return GridCommand.OK;
        } catch (GridException e) {
            err.println("grid partitions: " + e.getMessage());
            return GridCommand.FAILED;
        }
    }
}
