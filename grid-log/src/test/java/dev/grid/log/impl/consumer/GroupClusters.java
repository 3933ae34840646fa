package dev.grid.log.impl.consumer;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.impl.DefaultGridLog;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.InvokerGroupClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Clusters for the consumer group tests (members keep their log files under a temporary directory), and ways to their groups. */
final class GroupClusters {
    private GroupClusters() {
    }

    static GridCluster members(int count) {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-groups-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir));
    }

    /** @return the group's coordinator as a member or client reaches it */
    static GroupClient group(Grid grid, String group) {
        return new InvokerGroupClient(DefaultGridLog.of(grid).invoker(), group);
    }
}
