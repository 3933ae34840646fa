package dev.grid.log.impl;

import com.hazelcast.logging.ILogger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The member's directory for its replicas' segment files: {@code <grid.log.directory>/<member uuid>}, with a
 * {@code member.pid} file naming the process. Replicas are not reloaded after a restart yet, so a member starts
 * empty; directories of members whose process is gone (killed) are deleted when another member starts.
 */
final class LogDirectories {
    private static final String PID_FILE = "member.pid";

    private LogDirectories() {
    }

    static Path claim(Path base, UUID member, ILogger logger) {
        try {
            Files.createDirectories(base);
            deleteAbandoned(base, logger);
            Path dir = base.resolve(member.toString());
            delete(dir, logger);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(PID_FILE), Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("grid.log.directory " + base + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static void deleteAbandoned(Path base, ILogger logger) throws IOException {
        try (Stream<Path> dirs = Files.list(base)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                Path pidFile = dir.resolve(PID_FILE);
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                } catch (IOException | NumberFormatException e) {
                    // no readable pid: not a member directory of this version; leave it alone
                    return;
                }
                logger.info("grid-log: deleting " + dir + ", left by a member whose process is gone");
                delete(dir, logger);
            });
        }
    }

    static void delete(Path dir, ILogger logger) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    logger.fine("grid-log: cannot delete " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            logger.warning("grid-log: cannot delete " + dir + ": " + e);
        }
    }
}
