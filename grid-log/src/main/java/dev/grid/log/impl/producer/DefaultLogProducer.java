package dev.grid.log.impl.producer;

import dev.grid.log.AppendResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogDiskFullException;
import dev.grid.log.LogException;
import dev.grid.log.LogProducer;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.RecordTooLargeException;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.impl.DefaultGridLog;
import dev.grid.log.impl.operations.AppendOperation;
import dev.grid.log.impl.operations.AppendResponse;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batches records per partition and sends one batch per partition at a time, so a partition's records are stored in
 * the order they were sent even across retries. A batch goes when it reaches {@code batchBytes}, when it has waited
 * {@code linger}, or on {@link #flush()}. A batch that fails in a way that may be retried is sent again with the same
 * producer id and sequence number until {@code deliveryTimeout}, so the owner stores it once. A batch whose fate is
 * unknown when it finally fails makes its partition continue under a fresh producer id (so a later batch is never
 * mistaken for that one's repeat).
 */
public final class DefaultLogProducer implements LogProducer {
    private static final ScheduledExecutorService TIMER = timer();
    private static final long MAX_BACKOFF_MILLIS = 1000;

    private final DefaultGridLog log;
    private final ProducerConfig config;
    private final Map<String, PartitionQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, Integer> sticky = new ConcurrentHashMap<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final Object idle = new Object();
    private final long producerId;
    private volatile boolean closed;
    private volatile int flushing;

    public DefaultLogProducer(DefaultGridLog log, ProducerConfig config) {
        this.log = log;
        this.config = config;
        this.producerId = config.isIdempotence() ? newProducerId() : -1;
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "grid-log-producer-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static long newProducerId() {
        return ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    }

    @Override
    public long producerId() {
        return producerId;
    }

    @Override
    public CompletableFuture<AppendResult> send(ProducerRecord record) {
        if (closed) {
            return CompletableFuture.failedFuture(new LogException("the producer is closed"));
        }
        TopicMeta meta;
        try {
            meta = DefaultGridLog.join(log.topic(record.topic()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        int partition;
        if (record.partition() != null) {
            partition = record.partition();
            if (partition >= meta.partitions()) {
                return CompletableFuture.failedFuture(new PartitionOutOfRangeException(meta.name(), partition, meta.partitions()));
            }
        } else if (record.key() != null) {
            partition = GridLog.partitionForKey(record.key(), meta.partitions());
        } else {
            partition = sticky.computeIfAbsent(meta.name(), t -> ThreadLocalRandom.current().nextInt(meta.partitions()));
        }
        LogRecord stored = new LogRecord(record.key(), record.value(), record.timestamp() < 0 ? LogRecord.NO_TIMESTAMP : record.timestamp(),
                record.headers());
        int size = stored.encodedSize();
        if (size > meta.maxRecordBytes()) {
            return CompletableFuture.failedFuture(new RecordTooLargeException("a record for topic " + meta.name() + " is " + size
                    + " bytes encoded, above the topic's maxRecordBytes " + meta.maxRecordBytes()));
        }
        awaitBufferRoom(size);
        CompletableFuture<AppendResult> future = new CompletableFuture<>();
        bufferedBytes.addAndGet(size);
        outstanding.incrementAndGet();
        PartitionQueue queue = queues.computeIfAbsent(meta.name() + "#" + partition, k -> new PartitionQueue(meta, partition));
        long now = System.nanoTime();
        queue.add(new Queued(stored, size, future, now + config.getDeliveryTimeout().toNanos(), now));
        return future;
    }

    private void awaitBufferRoom(int size) {
        long deadline = System.nanoTime() + config.getDeliveryTimeout().toNanos();
        synchronized (idle) {
            while (bufferedBytes.get() + size > config.getBufferBytes() && bufferedBytes.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LogException("the producer's buffer of " + config.getBufferBytes() + " bytes stayed full for "
                            + config.getDeliveryTimeout());
                }
                try {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LogException("interrupted while waiting for room in the producer's buffer", e);
                }
            }
        }
    }

    private void settled(int count, long bytes) {
        bufferedBytes.addAndGet(-bytes);
        outstanding.addAndGet(-count);
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    @Override
    public void flush() {
        synchronized (this) {
            flushing++;
        }
        try {
            queues.values().forEach(q -> q.trySend(true));
            synchronized (idle) {
                while (outstanding.get() > 0) {
                    try {
                        idle.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LogException("interrupted while flushing the producer", e);
                    }
                    queues.values().forEach(q -> q.trySend(true));
                }
            }
        } finally {
            synchronized (this) {
                flushing--;
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            flush();
            closed = true;
        }
    }

    private record Queued(LogRecord record, int size, CompletableFuture<AppendResult> future, long deadlineNanos, long queuedNanos) {
    }

    /** One partition's records: the open batch and the batch in flight. */
    private final class PartitionQueue {
        private final TopicMeta meta;
        private final int partition;
        private final int clusterPartition;
        private List<Queued> open = new ArrayList<>();
        private long openBytes;
        private boolean inFlight;
        private boolean timerSet;
        private long partitionProducerId = producerId;
        private int nextSequence;

        PartitionQueue(TopicMeta meta, int partition) {
            this.meta = meta;
            this.partition = partition;
            this.clusterPartition = log.clusterPartition(meta.name(), partition);
        }

        void add(Queued queued) {
            synchronized (this) {
                open.add(queued);
                openBytes += queued.size();
            }
            trySend(false);
        }

        private void lingered() {
            synchronized (this) {
                timerSet = false;
            }
            trySend(false);
        }

        /** Sends the open batch if the partition has none in flight and the batch is full, lingered enough, or {@code force}. */
        void trySend(boolean force) {
            List<Queued> batch;
            int sequence;
            long id;
            synchronized (this) {
                if (inFlight || open.isEmpty()) {
                    return;
                }
                // linger counts from the oldest queued record: records queued while a batch was in flight have waited already
                long waited = System.nanoTime() - open.get(0).queuedNanos();
                boolean due = force || flushing > 0 || openBytes >= config.getBatchBytes() || waited >= config.getLinger().toNanos();
                if (!due) {
                    if (!timerSet) {
                        timerSet = true;
                        TIMER.schedule(this::lingered, config.getLinger().toNanos() - waited, TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                batch = new ArrayList<>();
                long bytes = 0;
                int i = 0;
                while (i < open.size() && (batch.isEmpty() || bytes + open.get(i).size() <= config.getBatchBytes())) {
                    Queued q = open.get(i++);
                    batch.add(q);
                    bytes += q.size();
                }
                open = i == open.size() ? new ArrayList<>() : new ArrayList<>(open.subList(i, open.size()));
                openBytes -= bytes;
                inFlight = true;
                sequence = nextSequence;
                id = partitionProducerId;
                if (sticky.getOrDefault(meta.name(), -1) == partition && meta.partitions() > 1) {
                    sticky.put(meta.name(), ThreadLocalRandom.current().nextInt(meta.partitions()));
                }
            }
            attempt(batch, id, sequence, 0);
        }

        private void attempt(List<Queued> batch, long id, int sequence, int tries) {
            List<LogRecord> records = new ArrayList<>(batch.size());
            for (Queued q : batch) {
                records.add(q.record());
            }
            AppendOperation op = new AppendOperation(meta, partition, id, sequence, config.getAcks() == ProducerConfig.Acks.ALL, records);
            CompletableFuture<AppendResponse> answer;
            try {
                answer = log.invoker().onPartition(clusterPartition, op);
            } catch (RuntimeException | Error e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((response, error) -> {
                if (error == null) {
                    succeeded(batch, response);
                    return;
                }
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                boolean definitive = isDefinitive(cause);
                long now = System.nanoTime();
                if (!definitive && now - batch.get(0).deadlineNanos() < 0) {
                    long backoff = Math.min(MAX_BACKOFF_MILLIS, 50L << Math.min(tries, 5));
                    TIMER.schedule(() -> attempt(batch, id, sequence, tries + 1), backoff, TimeUnit.MILLISECONDS);
                    return;
                }
                failed(batch, cause, definitive);
            });
        }

        private void succeeded(List<Queued> batch, AppendResponse response) {
            long bytes = 0;
            for (int i = 0; i < batch.size(); i++) {
                Queued q = batch.get(i);
                long ts = q.record().timestamp() >= 0 && !meta.logAppendTime() ? q.record().timestamp() : response.appendTime();
                q.future().complete(new AppendResult(meta.name(), partition, response.baseOffset() + i, ts));
                bytes += q.size();
            }
            synchronized (this) {
                nextSequence++;
                inFlight = false;
            }
            settled(batch.size(), bytes);
            trySend(false);
        }

        private void failed(List<Queued> batch, Throwable cause, boolean definitive) {
            if (cause instanceof UnknownTopicException) {
                log.forget(meta.name());
            }
            long bytes = 0;
            LogException failure = new LogException("a batch of " + batch.size() + " records for " + meta.name() + "-" + partition
                    + (definitive ? " was refused: " : " failed (it may or may not be stored): ") + cause.getMessage(), cause);
            for (Queued q : batch) {
                q.future().completeExceptionally(cause instanceof RuntimeException && definitive ? cause : failure);
                bytes += q.size();
            }
            synchronized (this) {
                if (!definitive && partitionProducerId >= 0) {
                    partitionProducerId = newProducerId();
                    nextSequence = 0;
                }
                inFlight = false;
            }
            settled(batch.size(), bytes);
            trySend(false);
        }
    }

    /** @return true for errors that say the batch was not stored and sending it again cannot help */
    static boolean isDefinitive(Throwable error) {
        return error instanceof UnknownTopicException || error instanceof PartitionOutOfRangeException
                || error instanceof RecordTooLargeException || error instanceof LogDiskFullException
                || error instanceof IllegalArgumentException;
    }
}
