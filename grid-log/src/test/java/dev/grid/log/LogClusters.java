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

    static GridCluster members(int count) {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        return GridCluster.withMembers(count).partitions(31).configure(config -> config.getLog().setDirectory(dir));
    }
}
