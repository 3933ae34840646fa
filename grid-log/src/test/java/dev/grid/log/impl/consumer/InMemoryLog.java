package dev.grid.log.impl.consumer;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.PartitionInfo;
import dev.grid.log.PartitionLag;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ReadOptions;
import dev.grid.log.TopicDescription;
import dev.grid.log.TopicExistsException;
import dev.grid.log.UnknownTopicException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link GridLog} in memory for consumer tests: topics of partitions, appends by the test, reads with long polling
 * (a read with nothing to return waits until a record is appended or its maxWait passes), retention by the test
 * ({@link #truncate}). Counts the reads it serves, so tests can tell a long poll from a spin.
 */
public final class InMemoryLog implements GridLog {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "in-memory-log-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    private record Waiter(long from, int maxRecords, CompletableFuture<FetchResult> answer) {
    }

    private static final class Partition {
        final String topic;
        final int index;
        final List<ConsumerRecord> records = new ArrayList<>();
        long start;
        final List<Waiter> waiters = new ArrayList<>();

        Partition(String topic, int index) {
            this.topic = topic;
            this.index = index;
        }

        synchronized long end() {
            return start + records.size();
        }

        synchronized FetchResult readNow(long from, int maxRecords) {
            long end = start + records.size();
            if (from < start || from > end) {
                throw new OffsetOutOfRangeException(topic, index, from, start, end);
            }
            int first = (int) (from - start);
            int last = (int) Math.min(records.size(), first + (long) maxRecords);
            return new FetchResult(topic, index, List.copyOf(records.subList(first, last)), start, end);
        }
    }

    private record Topic(GridTopicConfig config, List<Partition> partitions) {
    }

    @Override
    public TopicDescription createTopic(GridTopicConfig config) {
        List<Partition> partitions = new ArrayList<>();
        for (int p = 0; p < config.getPartitions(); p++) {
            partitions.add(new Partition(config.getName(), p));
        }
        if (topics.putIfAbsent(config.getName(), new Topic(config.copy(), partitions)) != null) {
            throw new TopicExistsException("topic " + config.getName() + " exists");
        }
        return describeTopic(config.getName());
    }

    @Override
    public boolean deleteTopic(String name) {
        return topics.remove(name) != null;
    }

    @Override
    public List<String> topicNames() {
        return topics.keySet().stream().sorted().toList();
    }

    @Override
    public TopicDescription describeTopic(String name) {
        Topic topic = topic(name);
        List<PartitionInfo> infos = new ArrayList<>();
        for (Partition p : topic.partitions) {
            synchronized (p) {
                infos.add(new PartitionInfo(p.index, 0, "memory", p.start, p.end(), p.end(), 0, 1));
            }
        }
        return new TopicDescription(topic.config.copy(), infos);
    }

    /** Appends a record with this value (UTF-8) and no key; answers waiting reads. @return its offset */
    public long append(String topicName, int partition, String value) {
        return append(topicName, partition, value, System.currentTimeMillis());
    }

    /** Appends a record with this value and timestamp. @return its offset */
    public long append(String topicName, int partition, String value, long timestamp) {
        Partition p = partition(topicName, partition);
        List<Waiter> ready;
        long offset;
        synchronized (p) {
            offset = p.end();
            p.records.add(new ConsumerRecord(topicName, partition, offset, timestamp, null, value.getBytes(StandardCharsets.UTF_8), List.of()));
            ready = List.copyOf(p.waiters);
            p.waiters.clear();
        }
        for (Waiter waiter : ready) {
            try {
                waiter.answer.complete(p.readNow(waiter.from, waiter.maxRecords));
            } catch (RuntimeException e) {
                waiter.answer.completeExceptionally(e);
            }
        }
        return offset;
    }

    /** Retention: drops the records below {@code offset}. */
    public void truncate(String topicName, int partition, long offset) {
        Partition p = partition(topicName, partition);
        synchronized (p) {
            int drop = (int) Math.min(p.records.size(), Math.max(0, offset - p.start));
            p.records.subList(0, drop).clear();
            p.start += drop;
        }
    }

    /** @return how many reads were asked for */
    public long reads() {
        return reads.get();
    }

    @Override
    public CompletableFuture<FetchResult> readAsync(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                                    Duration maxWait) {
        ReadOptions.check(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        reads.incrementAndGet();
        Partition p = partition(topic, partition);
        CompletableFuture<FetchResult> answer = new CompletableFuture<>();
        synchronized (p) {
            FetchResult now;
            try {
                now = p.readNow(fromOffset, maxRecords);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (!now.records().isEmpty() || maxWait.isZero()) {
                return CompletableFuture.completedFuture(now);
            }
            p.waiters.add(new Waiter(fromOffset, maxRecords, answer));
        }
        TIMERS.schedule(() -> {
            synchronized (p) {
                p.waiters.removeIf(w -> w.answer == answer);
            }
            try {
                answer.complete(p.readNow(fromOffset, maxRecords));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        return answer;
    }

    @Override
    public long startOffset(String topic, int partition) {
        Partition p = partition(topic, partition);
        synchronized (p) {
            return p.start;
        }
    }

    @Override
    public long endOffset(String topic, int partition) {
        return partition(topic, partition).end();
    }

    @Override
    public OptionalLong offsetForTimestamp(String topic, int partition, long timestampMillis) {
        Partition p = partition(topic, partition);
        synchronized (p) {
            for (ConsumerRecord record : p.records) {
                if (record.timestamp() >= timestampMillis) {
                    return OptionalLong.of(record.offset());
                }
            }
            return OptionalLong.empty();
        }
    }

    @Override
    public LogProducer producer(ProducerConfig config) {
        throw new UnsupportedOperationException("the in-memory log has no producers: tests append");
    }

    @Override
    public LogConsumer consumer(ConsumerConfig config) {
        throw new UnsupportedOperationException("tests build DefaultLogConsumer themselves");
    }

    @Override
    public List<PartitionLag> lag(String group, String topic) {
        throw new UnsupportedOperationException("tests call GroupLag");
    }

    private Topic topic(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new UnknownTopicException("topic " + name + " does not exist");
        }
        return topic;
    }

    private Partition partition(String topicName, int partition) {
        Topic topic = topic(topicName);
        if (partition < 0 || partition >= topic.partitions.size()) {
            throw new PartitionOutOfRangeException(topicName, partition, topic.partitions.size());
        }
        return topic.partitions.get(partition);
    }
}
