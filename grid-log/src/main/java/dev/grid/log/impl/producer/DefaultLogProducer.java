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
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.operations.AppendOperation;
import dev.grid.log.impl.operations.AppendResponse;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Batches records per partition and keeps up to {@code maxInFlight} batches per partition sent and unanswered (one if the
 * producer is not idempotent), so a partition's records are stored in the order they were sent even across retries: the
 * owner stores a producer's batch only if it follows the last one stored. A batch goes when it reaches
 * {@code batchBytes}, when its oldest record has waited {@code linger}, on {@link #flush()}, or (with
 * {@code sendWhenIdle}) as soon as its partition has no batch in flight and its last batch went
 * {@code idleSendInterval} ago: records gather while a batch is on its way. A batch that fails in a way that may be
 * retried is sent again with the same producer id and sequence number until {@code deliveryTimeout}, so the owner
 * stores it once. A batch that fails for good makes its partition continue under a fresh producer id (so a later
 * batch is never mistaken for that one's repeat, nor refused for following it).
 */
public final class DefaultLogProducer implements LogProducer {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLogProducer.class);
    private static final ScheduledExecutorService TIMER = timer();
    private static final long MAX_BACKOFF_MILLIS = 1000;
    private static final long NO_ID = Long.MIN_VALUE;
    /**
     * Bytes a partition's first batch draft starts with; later ones start a quarter above the size of the partition's
     * last batch (never above {@code batchBytes}), and every draft grows as records come. Sized so, a producer sending a
     * record or a few per batch does not allocate and zero a large draft for each.
     */
    private static final int INITIAL_BATCH_CAPACITY = 4 << 10;
    private static final int MIN_BATCH_CAPACITY = 256;

    private final DefaultGridLog log;
    private final LogInvoker invoker;
    private final ProducerConfig config;
    /** Per topic, its partitions' queues (indexed by partition, so a send builds no key). */
    private final Map<String, AtomicReferenceArray<PartitionQueue>> queues = new ConcurrentHashMap<>();
    private final Map<String, Integer> sticky = new ConcurrentHashMap<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final Object idle = new Object();
    private final long producerId;
    private volatile boolean closed;
    private volatile int flushing;

    public DefaultLogProducer(DefaultGridLog log, ProducerConfig config) {
        this(log, log.invoker(), config);
    }

    /** With the invoker appends go through (tests put faults between the producer and the cluster). */
    DefaultLogProducer(DefaultGridLog log, LogInvoker invoker, ProducerConfig config) {
        this.log = log;
        this.invoker = invoker;
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

    /** @return the bytes of records sent and not yet answered (a send waits while they exceed the buffer's size) */
    public long bufferedBytes() {
        return bufferedBytes.get();
    }

    @Override
    public long producerId() {
        return producerId;
    }

    @Override
    public CompletableFuture<AppendResult> send(ProducerRecord record) {
        CompletableFuture<AppendResult> future = new CompletableFuture<>();
        RuntimeException refused = queue(record, future);
        return refused == null ? future : CompletableFuture.failedFuture(refused);
    }

    @Override
    public void send(ProducerRecord record, BiConsumer<AppendResult, Throwable> callback) {
        Objects.requireNonNull(callback, "callback");
        RuntimeException refused = queue(record, callback);
        if (refused != null) {
            callback.accept(null, refused);
        }
    }

    /**
     * Encodes the record into its partition's open batch, to be answered through {@code completion} (a
     * {@link CompletableFuture} or a callback).
     *
     * @return why the record was refused at once, or null
     */
    private RuntimeException queue(ProducerRecord record, Object completion) {
        if (closed) {
            return new LogException("the producer is closed");
        }
        TopicMeta meta;
        try {
            meta = DefaultGridLog.join(log.topic(record.topic()));
        } catch (RuntimeException e) {
            return e;
        }
        int partition;
        if (record.partition() != null) {
            partition = record.partition();
            if (partition >= meta.partitions()) {
                return new PartitionOutOfRangeException(meta.name(), partition, meta.partitions());
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
            return new RecordTooLargeException("a record for topic " + meta.name() + " is " + size
                    + " bytes encoded, above the topic's maxRecordBytes " + meta.maxRecordBytes());
        }
        awaitBufferRoom(size);
        bufferedBytes.addAndGet(size);
        outstanding.incrementAndGet();
        queue(meta, partition).add(stored, size, completion);
        return null;
    }

    private PartitionQueue queue(TopicMeta meta, int partition) {
        AtomicReferenceArray<PartitionQueue> perTopic = queues.get(meta.name());
        if (perTopic == null || partition >= perTopic.length()) {
            perTopic = queues.compute(meta.name(), (name, old) -> {
                if (old != null && partition < old.length()) {
                    return old;
                }
                // first use, or a topic created again with more partitions: keep the queues there are
                AtomicReferenceArray<PartitionQueue> grown = new AtomicReferenceArray<>(Math.max(meta.partitions(), partition + 1));
                for (int i = 0; old != null && i < old.length(); i++) {
                    grown.set(i, old.get(i));
                }
                return grown;
            });
        }
        PartitionQueue queue = perTopic.get(partition);
        if (queue == null) {
            PartitionQueue created = new PartitionQueue(meta, partition);
            queue = perTopic.compareAndSet(partition, null, created) ? created : perTopic.get(partition);
        }
        return queue;
    }

    private void forEachQueue(Consumer<PartitionQueue> action) {
        for (AtomicReferenceArray<PartitionQueue> perTopic : queues.values()) {
            for (int i = 0; i < perTopic.length(); i++) {
                PartitionQueue queue = perTopic.get(i);
                if (queue != null) {
                    action.accept(queue);
                }
            }
        }
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
            forEachQueue(q -> q.trySend(true));
            synchronized (idle) {
                while (outstanding.get() > 0) {
                    try {
                        idle.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new LogException("interrupted while flushing the producer", e);
                    }
                    forEachQueue(q -> q.trySend(true));
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

    /**
     * Records encoded into one batch as they are sent, and what is left of each to answer its sender: its completion (a
     * {@link CompletableFuture} or a callback) and its timestamp.
     */
    private static final class OpenBatch {
        final BatchDraft draft;
        final long queuedNanos;
        final long deadlineNanos;
        Object[] completions = new Object[16];
        long[] timestamps = new long[16];
        int count;
        long bytes;

        OpenBatch(int capacity, long queuedNanos, long deadlineNanos) {
            this.draft = new BatchDraft(capacity);
            this.queuedNanos = queuedNanos;
            this.deadlineNanos = deadlineNanos;
        }

        void add(LogRecord record, int size, Object completion) {
            draft.add(record);
            if (count == completions.length) {
                completions = Arrays.copyOf(completions, count * 2);
                timestamps = Arrays.copyOf(timestamps, count * 2);
            }
            completions[count] = completion;
            timestamps[count] = record.timestamp();
            count++;
            bytes += size;
        }

        /** Answers the i-th record's sender; a callback that throws does not stop the others. */
        @SuppressWarnings("unchecked")
        void complete(int i, AppendResult result, Throwable error) {
            Object completion = completions[i];
            if (completion instanceof CompletableFuture<?> future) {
                if (error == null) {
                    ((CompletableFuture<AppendResult>) future).complete(result);
                } else {
                    future.completeExceptionally(error);
                }
                return;
            }
            try {
                ((BiConsumer<AppendResult, Throwable>) completion).accept(result, error);
            } catch (RuntimeException | Error e) {
                LOG.warn("A send callback of a grid-log producer threw (the producer goes on)", e);
            }
        }
    }

    /** Records sent together to one partition under one producer id and sequence number. */
    private static final class Batch {
        final OpenBatch records;
        long producerId;
        int sequence;
        int tries;

        Batch(OpenBatch records, long producerId, int sequence) {
            this.records = records;
            this.producerId = producerId;
            this.sequence = sequence;
        }

        long deadlineNanos() {
            return records.deadlineNanos;
        }
    }

    /**
     * One partition's records: the open batch, up to {@code maxInFlight} batches sent and unanswered, and the batches to
     * send again. The owner stores a producer's batch only if it follows the last one it stored, so a batch that failed
     * makes every later one fail too; when that happens nothing new goes until every batch in flight is answered, then
     * the failed ones go again one at a time, lowest sequence first, and pipelining resumes once they are through.
     */
    private final class PartitionQueue {
        private final TopicMeta meta;
        private final int partition;
        private final int clusterPartition;
        /** Batches not sent yet, oldest first; records go into the last until it is full. */
        private final ArrayDeque<OpenBatch> open = new ArrayDeque<>();
        private long openBytes;
        /** Bytes the next batch's draft starts with: a quarter above the last batch's size (see INITIAL_BATCH_CAPACITY). */
        private int draftCapacity = INITIAL_BATCH_CAPACITY;
        private int inFlight;
        /** When the partition's last batch was taken to send: an idle partition sends at most one per idleSendInterval. */
        private long lastSentNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(60);
        /** When the pending timer fires (Long.MAX_VALUE: none); a nearer deadline schedules another. */
        private long timerAt = Long.MAX_VALUE;
        private long partitionProducerId = producerId;
        private int nextSequence;
        private final TreeMap<Integer, Batch> retries = new TreeMap<>();
        /**
         * Sequences sent and not yet acknowledged or failed for good, in flight or to send again: a new batch goes only
         * within {@code maxInFlight} of the oldest, so the owner, which remembers a producer's last 8 placements, can
         * still answer the oldest if it is sent again after the ones behind it were stored.
         */
        private final TreeSet<Integer> unacknowledged = new TreeSet<>();
        private boolean retryScheduled;
        /** A batch from {@code retries} is in flight: nothing else goes until it is answered. */
        private boolean resending;
        /**
         * Batches taken to send, in sequence order. They are sent by one thread at a time ({@code sending}), in this order:
         * two threads sending their batches at once could put a later batch on the wire first, and the owner refuses a
         * batch that does not follow the last one it stored (it would then go again, after a backoff).
         */
        private final ArrayDeque<Batch> toSend = new ArrayDeque<>();
        private final ReentrantLock sending = new ReentrantLock();
        /** A batch of this producer id failed: no batch after it under that id can be stored, so continue under a new one. */
        private long abandonedId = NO_ID;
        /** Whether the abandoned id's last failure left its batch's fate unknown (so later batches' fates are unknown too). */
        private boolean abandonedIndeterminate;

        PartitionQueue(TopicMeta meta, int partition) {
            this.meta = meta;
            this.partition = partition;
            this.clusterPartition = log.clusterPartition(meta.name(), partition);
        }

        void add(LogRecord record, int size, Object completion) {
            synchronized (this) {
                OpenBatch last = open.peekLast();
                if (last == null || last.bytes + size > config.getBatchBytes()) {
                    long now = System.nanoTime();
                    last = new OpenBatch(Math.min(config.getBatchBytes(), draftCapacity), now,
                            now + config.getDeliveryTimeout().toNanos());
                    open.addLast(last);
                }
                last.add(record, size, completion);
                openBytes += size;
            }
            trySend(false);
        }

        private void lingered() {
            synchronized (this) {
                timerAt = Long.MAX_VALUE;
            }
            trySend(false);
        }

        private void retryDue() {
            synchronized (this) {
                retryScheduled = false;
            }
            trySend(false);
        }

        /**
         * Sends what may go now: the lowest batch to send again if every batch in flight was answered; else, while fewer
         * than {@code maxInFlight} are in flight, open batches that are full, lingered enough, or {@code force}d.
         */
        void trySend(boolean force) {
            List<Batch> toFail = List.of();
            synchronized (this) {
                if (abandonedId != NO_ID || !retries.isEmpty() || resending) {
                    if (inFlight > 0 || retryScheduled) {
                        return;
                    }
                    resending = false;
                    toFail = continueAfterAbandonedId();
                    if (!retries.isEmpty()) {
                        toSend.add(retries.pollFirstEntry().getValue());
                        inFlight++;
                        resending = true;
                    }
                }
                int maxInFlight = partitionProducerId >= 0 ? config.getMaxInFlight() : 1;
                while (!resending && inFlight < maxInFlight && !open.isEmpty()
                        && (unacknowledged.isEmpty() || nextSequence - unacknowledged.first() < maxInFlight)) {
                    long now = System.nanoTime();
                    // linger counts from the oldest queued record: records queued while batches were in flight have waited already
                    long lingerLeft = config.getLinger().toNanos() - (now - open.peekFirst().queuedNanos);
                    boolean idle = inFlight == 0 && config.isSendWhenIdle();
                    long idleSendLeft = config.getIdleSendInterval().toNanos() - (now - lastSentNanos);
                    boolean due = force || flushing > 0 || open.size() > 1 || openBytes >= config.getBatchBytes()
                            || lingerLeft <= 0 || (idle && idleSendLeft <= 0);
                    if (!due) {
                        // an idle partition's batch may be due before its linger: a timer set while it was busy is later
                        long wait = idle ? Math.min(lingerLeft, idleSendLeft) : lingerLeft;
                        if (now + wait < timerAt) {
                            timerAt = now + wait;
                            TIMER.schedule(this::lingered, wait, TimeUnit.NANOSECONDS);
                        }
                        break;
                    }
                    lastSentNanos = now;
                    unacknowledged.add(nextSequence);
                    toSend.add(new Batch(takeBatch(), partitionProducerId, nextSequence++));
                    inFlight++;
                }
            }
            for (Batch batch : toFail) {
                failed(batch, new LogException("an earlier batch of this producer to " + meta.name() + "-" + partition
                        + " failed and its fate is unknown, so this one's is too"), false, false);
            }
            sendTaken();
        }

        /**
         * Sends the batches taken, in order, unless another thread is sending: that one sends them (it looks again after
         * it stops). Reentrant: an answer that completes at once may take and send the next batch on the same thread.
         */
        private void sendTaken() {
            while (sending.tryLock()) {
                try {
                    Batch next;
                    while ((next = nextToSend()) != null) {
                        attempt(next);
                    }
                } finally {
                    sending.unlock();
                }
                synchronized (this) {
                    if (toSend.isEmpty()) {
                        return;
                    }
                }
            }
        }

        private synchronized Batch nextToSend() {
            return toSend.pollFirst();
        }

        /** Takes the oldest open batch. Called holding the lock. */
        private OpenBatch takeBatch() {
            OpenBatch batch = open.pollFirst();
            openBytes -= batch.bytes;
            draftCapacity = (int) Math.min(config.getBatchBytes(), Math.max(MIN_BATCH_CAPACITY, batch.bytes + batch.bytes / 4));
            if (sticky.getOrDefault(meta.name(), -1) == partition && meta.partitions() > 1) {
                sticky.put(meta.name(), ThreadLocalRandom.current().nextInt(meta.partitions()));
            }
            return batch;
        }

        /**
         * Once every batch in flight is answered after a batch failed for good: batches to send again under the failed
         * producer id continue under a fresh id, renumbered in order (none of them can have been stored after a batch
         * before them was not), unless that failure left its batch's fate unknown, in which case theirs is unknown too and
         * they are returned to be failed. Called holding the lock.
         */
        private List<Batch> continueAfterAbandonedId() {
            if (abandonedId == NO_ID) {
                return List.of();
            }
            List<Batch> unknown = new ArrayList<>();
            List<Batch> again = new ArrayList<>();
            for (Batch batch : retries.values()) {
                (batch.producerId == abandonedId && abandonedIndeterminate ? unknown : again).add(batch);
            }
            retries.clear();
            unacknowledged.clear();
            partitionProducerId = newProducerId();
            nextSequence = 0;
            for (Batch batch : again) {
                batch.producerId = partitionProducerId;
                batch.sequence = nextSequence++;
                retries.put(batch.sequence, batch);
                unacknowledged.add(batch.sequence);
            }
            abandonedId = NO_ID;
            abandonedIndeterminate = false;
            return unknown;
        }

        private void attempt(Batch batch) {
            // a copy per attempt: the owner completes the batch in place, and a retry may carry another producer id
            AppendOperation op = new AppendOperation(meta, partition, batch.producerId, batch.sequence,
                    config.getAcks() == ProducerConfig.Acks.ALL, batch.records.draft.toBytes(batch.producerId, batch.sequence));
            CompletableFuture<AppendResponse> answer;
            try {
                answer = invoker.onPartition(clusterPartition, op);
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
                if (!definitive && System.nanoTime() - batch.deadlineNanos() < 0) {
                                        sendAgainLater(batch);
                    return;
                }
                failed(batch, cause, definitive, true);
            });
        }

        private void sendAgainLater(Batch batch) {
            synchronized (this) {
                inFlight--;
                batch.tries++;
                retries.put(batch.sequence, batch);
                if (inFlight > 0 || retryScheduled) {
                    return;
                }
                retryScheduled = true;
                long backoff = Math.min(MAX_BACKOFF_MILLIS, 50L << Math.min(retries.firstEntry().getValue().tries - 1, 5));
                TIMER.schedule(this::retryDue, backoff, TimeUnit.MILLISECONDS);
            }
        }

        private void succeeded(Batch batch, AppendResponse response) {
            OpenBatch records = batch.records;
            for (int i = 0; i < records.count; i++) {
                long ts = records.timestamps[i] >= 0 && !meta.logAppendTime() ? records.timestamps[i] : response.appendTime();
                records.complete(i, new AppendResult(meta.name(), partition, response.baseOffset() + i, ts), null);
            }
            synchronized (this) {
                inFlight--;
                if (batch.producerId == partitionProducerId) {
                    unacknowledged.remove(batch.sequence);
                }
            }
            settled(records.count, records.bytes);
            trySend(false);
        }

        private void failed(Batch batch, Throwable cause, boolean definitive, boolean wasInFlight) {
            if (cause instanceof UnknownTopicException) {
                log.forget(meta.name());
            }
            OpenBatch records = batch.records;
            LogException failure = new LogException("a batch of " + records.count + " records for " + meta.name() + "-"
                    + partition + (definitive ? " was refused: " : " failed (it may or may not be stored): ") + cause.getMessage(), cause);
            for (int i = 0; i < records.count; i++) {
                records.complete(i, null, cause instanceof RuntimeException && definitive ? cause : failure);
            }
            synchronized (this) {
                if (wasInFlight) {
                    inFlight--;
                }
                if (batch.producerId == partitionProducerId) {
                    unacknowledged.remove(batch.sequence);
                }
                if (batch.producerId >= 0 && batch.producerId == partitionProducerId) {
                    abandonedId = batch.producerId;
                    abandonedIndeterminate |= !definitive;
                }
            }
            settled(records.count, records.bytes);
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
