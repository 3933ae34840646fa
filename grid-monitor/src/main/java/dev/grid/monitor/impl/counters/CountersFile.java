package dev.grid.monitor.impl.counters;

import dev.grid.core.GridCounter;
import dev.grid.core.config.GridClock;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static dev.grid.monitor.impl.counters.CountersLayout.*;

/**
 * A member's counters in a memory-mapped file that another process ({@code grid stat}) reads
 * without any network: Agrona counters, updated without allocation. Counters are allocated by
 * label ({@code name{label="value"}}); a label asked again gets the same counter. Two kinds share the file:
 * hot-path counters ({@link #counter}, {@link #gridCounter}), which structures increment and which stay for the
 * member's life, and gauges ({@link #setGauge}), copies of the member's other metrics, which the monitor's refresh
 * rewrites and removes once their series is gone ({@link #retainGauges}: a log partition that moved to another member,
 * a consumer group coordinated elsewhere). Gauges never take the last quarter of the file ({@link #reservedForCounters()}),
 * so many log partitions cannot crowd out a map created later. The file is never unmapped while the member runs (a late
 * increment must never touch unmapped memory); it is deleted when the monitor closes.
 */
public final class CountersFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CountersFile.class);

    private final Path file;
    private final UnsafeBuffer header;
    private final CountersManager manager;
    private final GridClock clock;
    private final Map<String, AtomicCounter> byLabel = new HashMap<>();
    private final Set<String> gauges = new HashSet<>();
    private final int reserved;
    private boolean full;
    private boolean gaugesFull;

    private CountersFile(Path file, UnsafeBuffer header, CountersManager manager, GridClock clock, int maxCounters) {
        this.file = file;
        this.header = header;
        this.manager = manager;
        this.clock = clock;
        this.reserved = maxCounters / 4;
    }

    /**
     * Creates (or replaces) the file.
     *
     * @param file        where
     * @param description who the member is, one line
     * @param maxCounters how many counters fit
     * @param clock       stamps the start and the heartbeats: the clock its readers judge staleness by
     *                    ({@link CountersFileReader}; in production the system clock, which other processes share)
     */
    public static CountersFile create(Path file, String description, int maxCounters, GridClock clock) {
        int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        long length = (long) HEADER_LENGTH + metadataLength + valuesLength;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            MappedByteBuffer mapped;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            }
            UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            AtomicBuffer metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
            AtomicBuffer values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
            byte[] text = description.getBytes(StandardCharsets.UTF_8);
            int textLength = Math.min(text.length, MAX_DESCRIPTION_LENGTH);
            header.putLong(PID_OFFSET, ProcessHandle.current().pid());
            header.putLong(START_OFFSET, clock.millis());
            header.putLong(HEARTBEAT_OFFSET, clock.millis());
            header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
            header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
            header.putBytes(DESCRIPTION_OFFSET, text, 0, textLength);
            header.putInt(DESCRIPTION_LENGTH_OFFSET, textLength);
            header.putInt(CLOSED_OFFSET, 0);
            header.putInt(VERSION_OFFSET, VERSION);
            header.putIntVolatile(MAGIC_OFFSET, MAGIC);
            return new CountersFile(file, header, new CountersManager(metadata, values, StandardCharsets.UTF_8), clock, maxCounters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the counters file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return where the file is */
    public Path path() {
        return file;
    }

    /**
     * @param label the counter's label, e.g. {@code grid_map_get_hits_total{map="orders"}}
     * @return the counter, or null when the file is full or the label too long
     */
    public synchronized AtomicCounter counter(String label) {
        gauges.remove(label); // a gauge asked for as a hot-path counter becomes one: it stays for the member's life
        return allocate(label);
    }

    private AtomicCounter allocate(String label) {
        AtomicCounter counter = byLabel.get(label);
        if (counter != null) {
            return counter;
        }
        if (label.getBytes(StandardCharsets.UTF_8).length > CountersReader.MAX_LABEL_LENGTH || manager.available() == 0) {
            if (!full) {
                full = true;
                LOG.warn("counters file {} is full or a label is too long ({}): further counters are not kept in the file", file, label);
            }
            return null;
        }
        counter = manager.newCounter(label);
        byLabel.put(label, counter);
        return counter;
    }

    /** @return a hot-path counter for the label (a no-op one when the file is full) */
    public GridCounter gridCounter(String label) {
        AtomicCounter counter = counter(label);
        return counter == null ? GridCounter.NONE : new AgronaCounter(counter);
    }

    /** Replaces the one-line description of the member (e.g. once its monitor's URL is known). */
    public synchronized void describe(String description) {
        byte[] text = description.getBytes(StandardCharsets.UTF_8);
        int textLength = Math.min(text.length, MAX_DESCRIPTION_LENGTH);
        header.putBytes(DESCRIPTION_OFFSET, text, 0, textLength);
        header.putIntVolatile(DESCRIPTION_LENGTH_OFFSET, textLength);
    }

    /** @return how many counters of the file gauges never take: a quarter of it, for hot-path counters */
    public int reservedForCounters() {
        return reserved;
    }

    /**
     * Sets a gauge kept in the file, allocated on first use unless only the part reserved for hot-path counters is left
     * (then the gauge is not kept, and a WARN says so once).
     *
     * @param label the gauge's label
     * @param value its value
     * @return whether the file keeps the gauge
     */
    public synchronized boolean setGauge(String label, long value) {
        AtomicCounter counter = byLabel.get(label);
        if (counter == null) {
            if (manager.available() <= reserved) {
                if (!gaugesFull) {
                    gaugesFull = true;
                    LOG.warn("counters file {}: the gauges have taken all but the {} counters kept for hot-path counters; further gauges "
                            + "({} and others) are not kept in the file (they are in /metrics)", file, reserved, label);
                }
                return false;
            }
            counter = allocate(label);
            if (counter == null) {
                return false;
            }
            gauges.add(label);
        }
        counter.setRelease(value);
        return true;
    }

    /**
     * Removes every gauge not among {@code labels} from the file (its counter is freed for reuse); hot-path counters stay.
     *
     * @param labels the gauges the member still has
     */
    public synchronized void retainGauges(Set<String> labels) {
        for (Iterator<String> it = gauges.iterator(); it.hasNext(); ) {
            String label = it.next();
            if (!labels.contains(label)) {
                it.remove();
                AtomicCounter counter = byLabel.remove(label);
                manager.free(counter.id());
            }
        }
    }

    /** Records that the member is alive (readers treat a file without heartbeat for 10 s as stale). */
    public void heartbeat() {
        header.putLongVolatile(HEARTBEAT_OFFSET, clock.millis());
    }

    /** Marks the file closed and deletes it; counters stay writable (in memory) for late increments. */
    @Override
    public void close() {
        header.putIntVolatile(CLOSED_OFFSET, 1);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the counters file {}: {}", file, e.toString());
        }
    }

    /** An Agrona counter as a grid hot-path counter: one atomic add in the mapped file. */
    private static final class AgronaCounter implements GridCounter {
        private final AtomicCounter counter;

        AgronaCounter(AtomicCounter counter) {
            this.counter = counter;
        }

        @Override
        public void add(long delta) {
            counter.getAndAdd(delta);
        }

        @Override
        public void increment() {
            counter.increment();
        }
    }
}
