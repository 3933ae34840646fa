package dev.grid.log;

import dev.grid.core.test.GridCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Clusters for grid-log's tests: members keep their log files under a temporary directory. */
final class LogClusters {
    private LogClusters() {
    }

    /** @return a fresh temporary directory for members' log files */
    static Path tempDirectory() {
        try {
            Path dir = Files.createTempDirectory("grid-log-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The disk budget of the contract's members: room for every other contract test, reached in a second by the budget test. */
    static final long CONTRACT_DISK_BUDGET = 8 << 20;

    static GridCluster members(int count) {
        Path dir = tempDirectory();
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir)
                .setRetentionCheckInterval(java.time.Duration.ofMillis(200)));
    }

    /** @return members for {@link LogContract}: with its disk budget */
    static GridCluster contract(int count) {
        Path dir = tempDirectory();
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir)
                .setRetentionCheckInterval(java.time.Duration.ofMillis(200)).setDiskBudget(CONTRACT_DISK_BUDGET));
    }
}
