package dev.grid.server.impl;

import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridException;
import dev.grid.server.GridCommand;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/** {@code grid partitions}: connects as a client and prints who owns how many partitions. */
public final class PartitionsCommand implements Command {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "partitions";
    }

    @Override
    public String summary() {
        return "print the partition distribution of a running cluster";
    }

    @Override
    public String usage() {
        return "usage: grid partitions [--config FILE]\n\n"
                + "Connects to the cluster the config describes (its clusterName, network.members and security.secret,\n"
                + "or the GRID_SECRET environment variable) as a client\n"
                + "and prints the partitions each member owns, with min, max and the ideal share.\n\n"
                + "  --config FILE   a member's grid.yaml (default: ./grid.yaml if present, else built-in defaults)\n";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of(ConfigOption.NAME);
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        GridClientConfig clientConfig;
        try {
            clientConfig = GridClientConfig.forCluster(ConfigOption.load(line).config()).setConnectTimeout(CONNECT_TIMEOUT);
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
