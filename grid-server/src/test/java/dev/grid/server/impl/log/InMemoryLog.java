package dev.grid.server.impl.log;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.NotAssignedException;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.PartitionInfo;
import dev.grid.log.PartitionLag;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.ReadOptions;
import dev.grid.log.TopicDescription;
import dev.grid.log.TopicExistsException;
import dev.grid.log.TopicPartition;
import dev.grid.log.UnknownTopicException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log in this JVM for the commands' tests: topics of partitions of records in lists, the API's errors with the
 * messages grid-log gives, acknowledgements on another thread (as a client gets them), one-member consumer groups
 * whose commits {@link #lag} reads. What the real log does across members is the end-to-end tests' to check.
 */
final class InMemoryLog implements GridLog {
    private final Clock clock;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<String, Map<TopicPartition, Long>> committed = new ConcurrentHashMap<>();
    private final Executor acknowledgements = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);
    final List<ProducerConfig> producers = new CopyOnWriteArrayList<>();
    final List<Consumer> consumers = new CopyOnWriteArrayList<>();
    private final AtomicInteger spread = new AtomicInteger();
    /** Counts appends; a consumer's poll that found nothing waits on it for the next one (a long poll). */
    private final Object appended = new Object();
    private long appends;

    InMemoryLog(Clock clock) {
        this.clock = clock;
    }

    private static final class Topic {
        final GridTopicConfig config;
        final List<List<ConsumerRecord>> partitions = new ArrayList<>();
        final long[] startOffsets;

        Topic(GridTopicConfig config) {
            this.config = config;
            for (int i = 0; i < config.getPartitions(); i++) {
                partitions.add(new ArrayList<>());
            }
            startOffsets = new long[config.getPartitions()];
        }

        synchronized long highWatermark(int partition) {
            return startOffsets[partition] + partitions.get(partition).size();
        }
    }

    private Topic topic(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw UnknownTopicException.of(name);
        }
        return topic;
    }

    private Topic topic(String name, int partition) {
        Topic topic = topic(name);
        if (partition < 0 || partition >= topic.config.getPartitions()) {
            throw new PartitionOutOfRangeException(name, partition, topic.config.getPartitions());
        }
        return topic;
    }

    /** Appends a record with this timestamp, as a producer would. */
    AppendResult append(String name, int partition, String key, String value, long timestamp) {
        Topic topic = topic(name, partition);
        synchronized (topic) {
            long offset = topic.highWatermark(partition);
            topic.partitions.get(partition).add(new ConsumerRecord(name, partition, offset, timestamp,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8), List.of()));
            synchronized (appended) {
                appends++;
                appended.notifyAll();
            }
            return new AppendResult(name, partition, offset, timestamp);
        }
    }

    private long appends() {
        synchronized (appended) {
            return appends;
        }
    }

    /** Waits until an append after the {@code seen}-th one, or until {@code timeout} passes. */
    private void awaitAppendAfter(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (appended) {
            long left;
            while (appends == seen && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(appended, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Deletes the records below {@code offset}, as retention does. */
    void deleteBelow(String name, int partition, long offset) {
        Topic topic = topic(name, partition);
        synchronized (topic) {
            List<ConsumerRecord> records = topic.partitions.get(partition);
            int drop = (int) (offset - topic.startOffsets[partition]);
            records.subList(0, drop).clear();
            topic.startOffsets[partition] = offset;
        }
    }

    /** @return the records of a partition kept */
    List<ConsumerRecord> records(String name, int partition) {
        Topic topic = topic(name, partition);
        synchronized (topic) {
            return List.copyOf(topic.partitions.get(partition));
        }
    }

    @Override
    public TopicDescription createTopic(GridTopicConfig config) {
        GridTopicConfig copy = config.copy().validate();
        if (topics.putIfAbsent(config.getName(), new Topic(copy)) != null) {
            throw new TopicExistsException("topic " + config.getName() + " exists already: " + topics.get(config.getName()).config);
        }
        return new TopicDescription(copy.copy(), List.of());
    }

    @Override
    public boolean deleteTopic(String name) {
        return topics.remove(name) != null;
    }

    @Override
    public List<String> topicNames() {
        return List.copyOf(new TreeSet<>(topics.keySet()));
    }

    @Override
    public TopicDescription describeTopic(String name) {
        Topic topic = topic(name);
        List<PartitionInfo> partitions = new ArrayList<>();
        synchronized (topic) {
            for (int p = 0; p < topic.config.getPartitions(); p++) {
                long bytes = topic.partitions.get(p).stream().mapToLong(r -> 16 + r.value().length).sum();
                partitions.add(new PartitionInfo(p, 100 + p, "127.0.0.1:5701", topic.startOffsets[p], topic.highWatermark(p),
                        topic.highWatermark(p), bytes, 1));
            }
        }
        return new TopicDescription(topic.config.copy(), partitions);
    }

    @Override
    public LogProducer producer(ProducerConfig config) {
        producers.add(config);
        return new LogProducer() {
            private volatile boolean closed;

            @Override
            public CompletableFuture<AppendResult> send(ProducerRecord record) {
                if (closed) {
                    throw new IllegalStateException("producer closed");
                }
                CompletableFuture<AppendResult> result = new CompletableFuture<>();
                try {
                    Topic topic = topic(record.topic());
                    int partitions = topic.config.getPartitions();
                    int partition = record.partition() != null ? record.partition()
                            : record.key() != null ? GridLog.partitionForKey(record.key(), partitions) : spread.getAndIncrement() % partitions;
                    AppendResult appended = append(record.topic(), partition,
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                            new String(record.value(), StandardCharsets.UTF_8), clock.millis());
                    acknowledgements.execute(() -> result.complete(appended));
                } catch (RuntimeException e) {
                    acknowledgements.execute(() -> result.completeExceptionally(e));
                }
                return result;
            }

            @Override
            public void flush() {
            }

            @Override
            public long producerId() {
                return 1;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public CompletableFuture<FetchResult> readAsync(String name, int partition, long fromOffset, int maxRecords, int maxBytes,
                                                    Duration maxWait) {
        ReadOptions.check(name, partition, fromOffset, maxRecords, maxBytes, maxWait);
        try {
            FetchResult read = readNow(name, partition, fromOffset, maxRecords);
            if (read.records().isEmpty() && !maxWait.isZero()) {
                // a long poll that nothing arrived for, shortened
                return CompletableFuture.supplyAsync(() -> read, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            }
            return CompletableFuture.completedFuture(read);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private FetchResult readNow(String name, int partition, long fromOffset, int maxRecords) {
        Topic topic = topic(name, partition);
        synchronized (topic) {
            long start = topic.startOffsets[partition];
            long highWatermark = topic.highWatermark(partition);
            if (fromOffset < start || fromOffset > highWatermark) {
                throw new OffsetOutOfRangeException(name, partition, fromOffset, start, highWatermark);
            }
            List<ConsumerRecord> records = topic.partitions.get(partition);
            int from = (int) (fromOffset - start);
            return new FetchResult(name, partition, List.copyOf(records.subList(from, Math.min(records.size(), from + maxRecords))), start,
                    highWatermark);
        }
    }

    @Override
    public long startOffset(String name, int partition) {
        Topic topic = topic(name, partition);
        synchronized (topic) {
            return topic.startOffsets[partition];
        }
    }

    @Override
    public long endOffset(String name, int partition) {
        return topic(name, partition).highWatermark(partition);
    }

    @Override
    public OptionalLong offsetForTimestamp(String name, int partition, long timestampMillis) {
        return records(name, partition).stream().filter(r -> r.timestamp() >= timestampMillis).mapToLong(ConsumerRecord::offset).findFirst();
    }

    @Override
    public LogConsumer consumer(ConsumerConfig config) {
        config.validate();
        Consumer consumer = new Consumer(config);
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public List<PartitionLag> lag(String group, String name) {
        Topic topic = topic(name);
        Map<TopicPartition, Long> offsets = committed.getOrDefault(group, Map.of());
        List<PartitionLag> lags = new ArrayList<>();
        for (int p = 0; p < topic.config.getPartitions(); p++) {
            long highWatermark = topic.highWatermark(p);
            long offset = offsets.getOrDefault(new TopicPartition(name, p), -1L);
            lags.add(new PartitionLag(name, p, offset, highWatermark, highWatermark - (offset < 0 ? startOffset(name, p) : offset)));
        }
        return lags;
    }

    /** The one member of its group: every partition of its topics is its own. */
    final class Consumer implements LogConsumer {
        final ConsumerConfig config;
        private final Map<TopicPartition, Long> positions = new TreeMap<>();
        private final Map<TopicPartition, Long> polled = new TreeMap<>();
        volatile boolean closed;

        Consumer(ConsumerConfig config) {
            this.config = config;
            Map<TopicPartition, Long> offsets = committed.getOrDefault(config.getGroup(), Map.of());
            for (String name : config.getTopics()) {
                Topic topic = topic(name);
                for (int p = 0; p < topic.config.getPartitions(); p++) {
                    TopicPartition tp = new TopicPartition(name, p);
                    positions.put(tp, offsets.getOrDefault(tp, config.getStartFrom() == ConsumerConfig.StartFrom.EARLIEST
                            ? startOffset(name, p) : endOffset(name, p)));
                }
            }
        }

        @Override
        public List<ConsumerRecord> poll(Duration timeout) {
            if (closed) {
                throw new IllegalStateException("consumer closed");
            }
            if (config.isAutoCommit() && config.getGroup() != null) {
                commitSync(polled);
            }
            long seen = appends();
            List<ConsumerRecord> records = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
                int room = config.getMaxPollRecords() - records.size();
                if (room > 0) {
                    List<ConsumerRecord> read = readNow(position.getKey().topic(), position.getKey().partition(), position.getValue(), room).records();
                    records.addAll(read);
                    if (!read.isEmpty()) {
                        position.setValue(read.get(read.size() - 1).offset() + 1);
                    }
                }
            }
            polled.putAll(positions);
            if (records.isEmpty()) {
                awaitAppendAfter(seen, timeout);    // a long poll: the caller polls again once a record came
            }
            return records;
        }

        @Override
        public void commitSync() {
            commitSync(positions);
        }

        @Override
        public void commitSync(Map<TopicPartition, Long> offsets) {
            for (TopicPartition tp : offsets.keySet()) {
                if (!positions.containsKey(tp)) {
                    throw new NotAssignedException(tp + " is not assigned to this consumer");
                }
            }
            committed.computeIfAbsent(config.getGroup(), g -> new ConcurrentHashMap<>()).putAll(offsets);
        }

        @Override
        public Set<TopicPartition> assignment() {
            return positions.keySet();
        }

        @Override
        public long position(TopicPartition partition) {
            return positions.get(partition);
        }

        @Override
        public void seek(TopicPartition partition, long offset) {
            positions.put(partition, offset);
        }

        @Override
        public void seekToBeginning() {
            positions.replaceAll((tp, offset) -> startOffset(tp.topic(), tp.partition()));
        }

        @Override
        public void seekToTimestamp(long timestampMillis) {
            positions.replaceAll((tp, offset) -> offsetForTimestamp(tp.topic(), tp.partition(), timestampMillis)
                    .orElse(endOffset(tp.topic(), tp.partition())));
        }

        @Override
        public String memberId() {
            return config.getGroup() == null ? null : "member-1";
        }

        @Override
        public void close() {
            if (!closed && config.isAutoCommit() && config.getGroup() != null) {
                commitSync(polled);
            }
            closed = true;
        }
    }
}
