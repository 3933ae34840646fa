package dev.grid.server.impl.log;

import dev.grid.log.ConsumerRecord;

import java.time.Duration;
import java.util.List;

/** Where {@code grid consume} gets records: partitions read directly ({@link PartitionReader}) or a group's consumer ({@link GroupReader}). */
interface RecordSource extends AutoCloseable {

    /** @return the next records, waiting up to {@code timeout} for some; empty if none came */
    List<ConsumerRecord> poll(Duration timeout);

    /**
     * The records of the last poll up to {@code printed} (exclusive) were printed, the rest will not be: a group
     * commits exactly up to there.
     */
    default void printed(List<ConsumerRecord> polled, int printed) {
    }

    @Override
    void close();
}
