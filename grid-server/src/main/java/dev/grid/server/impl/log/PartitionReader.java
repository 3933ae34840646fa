package dev.grid.server.impl.log;

import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.ReadOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads partitions of a topic directly, outside any group, each from its own offset: one long-polling read
 * outstanding per partition ({@link GridLog#readAsync}), the next one sent as the previous one's records are taken.
 * Commits nothing.
 */
final class PartitionReader implements RecordSource {
    /** How long a member holds a read of a partition that has no new record. */
    static final Duration LONG_POLL = Duration.ofSeconds(5);
    static final int MAX_RECORDS = 500;

    private final GridLog log;
    private final String topic;
    private final Map<Integer, Long> positions;
    private final BlockingQueue<Fetched> fetched = new LinkedBlockingQueue<>();

    /**
     * @param positions partition to the offset to read it from
     */
    PartitionReader(GridLog log, String topic, Map<Integer, Long> positions) {
        this.log = log;
        this.topic = topic;
        this.positions = new TreeMap<>(positions);
        this.positions.forEach(this::fetch);
    }

    private void fetch(int partition, long from) {
        CompletableFuture<FetchResult> read;
        try {
            read = log.readAsync(topic, partition, from, MAX_RECORDS, ReadOptions.DEFAULT_MAX_BYTES, LONG_POLL);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        read.whenComplete((result, error) -> fetched.add(new Fetched(partition, from, result, error)));
    }

    @Override
    public List<ConsumerRecord> poll(Duration timeout) {
        List<ConsumerRecord> records = new ArrayList<>();
        Fetched next;
        try {
            next = fetched.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return records;
        }
        while (next != null) {
            take(next, records);
            next = fetched.poll();
        }
        return records;
    }

    private void take(Fetched read, List<ConsumerRecord> records) {
        if (read.error != null) {
            Throwable cause = LogClientCommand.unwrap(read.error);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        records.addAll(read.result.records());
        long next = read.result.nextOffset(read.from);
        positions.put(read.partition, next);
        fetch(read.partition, next);
    }

    /** @return each partition's next offset to read */
    Map<Integer, Long> positions() {
        return Map.copyOf(positions);
    }

    @Override
    public void close() {
        // reads still outstanding end with the client
    }

    private record Fetched(int partition, long from, FetchResult result, Throwable error) {
    }
}
