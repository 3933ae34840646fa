package dev.grid.txn.impl;

import dev.grid.core.config.GridConfigException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks the object store directory (created, writable, used by this JVM only: an exclusive lock on
 * {@code .lock} held for the JVM's life) and keeps the node identifier it belongs to in {@code node-id}, so a
 * restarted JVM with the same store recovers under the same identity.
 */
final class ObjectStoreDirectory {
    private static final String KEY = "txn.objectStoreDirectory";
    private static final String NODE_ID_FILE = "node-id";
    private final Path directory;
    private final FileChannel lockChannel;

    private ObjectStoreDirectory(Path directory, FileChannel lockChannel) {
        this.directory = directory;
        this.lockChannel = lockChannel;
    }

    /** Creates the directory if needed, checks it can be written, and locks it against other JVMs. */
    static ObjectStoreDirectory open(Path directory) {
        Path dir = checkWritable(directory);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new GridConfigException(KEY, KEY + " " + dir + " is in use by another JVM (it holds " + dir.resolve(".lock")
                        + "): every transaction manager needs its own object store and node identifier");
            }
            return new ObjectStoreDirectory(dir, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GridConfigException(KEY, KEY + " " + dir + " cannot be locked: " + e, e);
        }
    }

    /** @return the absolute, normalized directory, after checking that files can be created in it */
    static Path checkWritable(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new GridConfigException(KEY, KEY + " " + dir + " cannot be written: " + e, e);
        }
        return dir;
    }

    Path directory() {
        return directory;
    }

    /** @return the node identifier recorded in the store, if any */
    Optional<String> recordedNodeIdentifier() {
        Path file = directory.resolve(NODE_ID_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new GridConfigException(KEY, KEY + " " + directory + ": cannot read " + file + ": " + e, e);
        }
    }

    /** Records the node identifier; refuses one that differs from the recorded one. */
    void recordNodeIdentifier(String nodeIdentifier) {
        Optional<String> recorded = recordedNodeIdentifier();
        if (recorded.isPresent() && !recorded.get().equals(nodeIdentifier)) {
            throw new GridConfigException("txn.nodeIdentifier", "txn.nodeIdentifier \"" + nodeIdentifier + "\" differs from \""
                    + recorded.get() + "\" recorded in " + directory.resolve(NODE_ID_FILE) + ": the transactions in this object "
                    + "store belong to that node; recover them with it, or use another directory");
        }
        if (recorded.isEmpty()) {
            try {
                Files.writeString(directory.resolve(NODE_ID_FILE), nodeIdentifier + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GridConfigException(KEY, KEY + " " + directory + " cannot be written: " + e, e);
            }
        }
    }

    /** Releases the lock (only when the JVM's Narayana configuration is dropped, i.e. never in normal use). */
    void release() {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
