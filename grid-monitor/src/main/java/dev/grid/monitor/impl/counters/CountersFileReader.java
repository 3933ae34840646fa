package dev.grid.monitor.impl.counters;

import dev.grid.core.GridClock;
import dev.grid.monitor.MemberCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.grid.monitor.impl.counters.CountersLayout.*;

/**
 * Reads counters files written by {@link CountersFile}, from any process on the machine. Whether a file's member
 * is live is judged by the clock given, which must be the one its heartbeats were stamped with (the system
 * clock, in production: the one processes on a machine share).
 */
public final class CountersFileReader {
    /** A file whose heartbeat is older than this belongs to a member that is gone. */
    public static final long STALE_MILLIS = 10_000;

    private CountersFileReader() {
    }

    /**
     * @param dir   a data directory
     * @param clock judges whether a file's heartbeat is recent
     * @return every member's counters found there, live ones first
     */
    public static List<MemberCounters> readAll(Path dir, GridClock clock) throws IOException {
        List<MemberCounters> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file, clock).ifPresent(result::add);
            }
        }
        result.sort((a, b) -> a.live() != b.live() ? (a.live() ? -1 : 1) : a.description().compareTo(b.description()));
        return result;
    }

    /**
     * @param clock judges whether the file's heartbeat is recent (younger than {@link #STALE_MILLIS})
     * @return the file's counters, or empty if it is not (yet) a complete counters file
     */
    public static Optional<MemberCounters> read(Path file, GridClock clock) throws IOException {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < HEADER_LENGTH) {
                return Optional.empty();
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        if (header.getIntVolatile(MAGIC_OFFSET) != MAGIC || header.getInt(VERSION_OFFSET) != VERSION) {
            return Optional.empty();
        }
        int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        if ((long) HEADER_LENGTH + metadataLength + valuesLength > mapped.capacity()) {
            return Optional.empty();
        }
        byte[] text = new byte[Math.min(header.getInt(DESCRIPTION_LENGTH_OFFSET), MAX_DESCRIPTION_LENGTH)];
        header.getBytes(DESCRIPTION_OFFSET, text);
        long pid = header.getLong(PID_OFFSET);
        long heartbeat = header.getLongVolatile(HEARTBEAT_OFFSET);
        boolean closed = header.getIntVolatile(CLOSED_OFFSET) != 0;
        boolean live = !closed && clock.millis() - heartbeat < STALE_MILLIS
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        CountersReader reader = new CountersReader(new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength),
                new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength), StandardCharsets.UTF_8);
        Map<String, Long> values = new LinkedHashMap<>();
        reader.forEach((value, id, label) -> values.put(label, value));
        return Optional.of(new MemberCounters(file, new String(text, StandardCharsets.UTF_8), pid, header.getLong(START_OFFSET),
                heartbeat, live, values));
    }
}
