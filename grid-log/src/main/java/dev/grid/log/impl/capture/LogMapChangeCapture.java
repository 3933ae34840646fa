package dev.grid.log.impl.capture;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.executionservice.ExecutionService;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.spi.MapChangeCapture;
import dev.grid.log.Header;
import dev.grid.log.LogException;
import dev.grid.log.MapChange;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicExistsException;
import dev.grid.log.impl.DefaultGridLog;
import dev.grid.log.impl.producer.DefaultLogProducer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends the changes of maps with change capture on to their change topics ({@code __changes.<map>}), through one
 * idempotent producer per member (acknowledged by the topic's synchronous backups, up to 5 batches in flight per
 * partition, retries never stored twice, a partition's records stored in the order they were sent). Changes are sent
 * on the map partition's thread in the order the owner applied them, and a key's records all go to one partition (the
 * record key is the map key's bytes), so a key's changes are stored in the order applied.
 *
 * <p>Hazelcast lets no partition thread invoke an operation on another partition, so the records go to the producer
 * from one sender thread per member, in the order the partition threads queued them (which keeps each key's order).
 * Nothing here blocks a partition thread: a map's change topic is created (with {@code grid.log.topics.<topic>}'s
 * settings if configured, else {@code grid.log.defaultPartitions}) on Hazelcast's async executor when the map is first
 * written on this member, and until it is known {@link #notReady} refuses the map's writes (the invocations retry);
 * writes are refused the same way while the producer holds more than {@link #BACKLOG_FRACTION} of its buffer, so the
 * producer never has to wait for room.
 */
public final class LogMapChangeCapture implements MapChangeCapture {
    /** The share of the producer's buffer past which writes of captured maps wait (are retried). */
    static final double BACKLOG_FRACTION = 0.75;
    private static final byte[] REMOVED = new byte[0];
    /** Room a change topic created here leaves in a record beside the map's largest value: the key, headers, framing. */
    static final int KEY_ROOM = 64 << 10;
    private static final int MAX_RECORD_BYTES = 16 << 20;
    private static final List<Header> PUT = List.of(header(MapChange.CHANGE_HEADER, MapChange.Op.PUT.header()));
    private static final List<Header> REMOVE = List.of(header(MapChange.CHANGE_HEADER, MapChange.Op.REMOVE.header()));

    private final NodeEngine nodeEngine;
    private final GridConfig config;
    private final Map<String, CompletableFuture<Void>> topics = new ConcurrentHashMap<>();
    private final Map<String, List<Header>> callHeaders = new ConcurrentHashMap<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final ExecutorService sender;
    private volatile Appender appender;

    public LogMapChangeCapture(NodeEngine nodeEngine, GridConfig config) {
        this.nodeEngine = nodeEngine;
        this.config = config;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, nodeEngine.getHazelcastInstance().getName() + ".grid-log-change-capture");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the sender thread (the member is shutting down): changes not yet handed to the producer fail. */
    public void shutdown() {
        for (Runnable dropped : sender.shutdownNow()) {
            if (dropped instanceof SendTask task) {
                task.appended().completeExceptionally(new LogException("the member shut down before the change was sent to "
                        + task.record().topic()));
            }
        }
    }

    /** One change on its way from a partition thread to the producer. */
    private final class SendTask implements Runnable {
        private final DefaultLogProducer producer;
        private final ProducerRecord record;
        private final long size;
        private final CompletableFuture<Object> appended;

        SendTask(DefaultLogProducer producer, ProducerRecord record, long size, CompletableFuture<Object> appended) {
            this.producer = producer;
            this.record = record;
            this.size = size;
            this.appended = appended;
        }

        ProducerRecord record() {
            return record;
        }

        long size() {
            return size;
        }

        CompletableFuture<Object> appended() {
            return appended;
        }

        @Override
        public void run() {
            queuedBytes.addAndGet(-size);
            try {
                producer.send(record, (result, failure) -> {
                    if (failure == null) {
                        appended.complete(result);
                    } else {
                        appended.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                appended.completeExceptionally(e);
            }
        }
    }

    /** The member's log and producer, made at the first captured write (the member's services are all up by then). */
    private record Appender(DefaultGridLog log, DefaultLogProducer producer, long backlogLimit) {
    }

    private Appender appender() {
        Appender current = appender;
        if (current == null) {
            synchronized (this) {
                current = appender;
                if (current == null) {
                    DefaultGridLog log = DefaultGridLog.forMemberServices(nodeEngine, config.getClock());
                    ProducerConfig producerConfig = new ProducerConfig();
                    current = new Appender(log, new DefaultLogProducer(log, producerConfig),
                            (long) (producerConfig.getBufferBytes() * BACKLOG_FRACTION));
                    appender = current;
                }
            }
        }
        return current;
    }

    @Override
    public String notReady(GridMapConfig map) {
        Appender using = appender();
        String topic = map.getChangeTopic();
        CompletableFuture<Void> known = topics.computeIfAbsent(topic, t -> prepare(using.log(), topicConfig(map)));
        if (!known.isDone()) {
            return "the topic is being created";
        }
        if (known.isCompletedExceptionally() || using.log().cachedTopic(topic) == null) {
            // creating it failed, or the log forgot the topic (it was deleted): try again from the start
            topics.remove(topic, known);
            return known.isCompletedExceptionally() ? "creating the topic failed: " + failure(known) : "the topic is being looked up again";
        }
        long backlog = using.producer().bufferedBytes() + queuedBytes.get();
        if (backlog > using.backlogLimit()) {
            return "this member's change records not yet stored hold " + backlog + " bytes, above " + using.backlogLimit();
        }
        return null;
    }

    /**
     * @return the change topic's settings: {@code grid.log.topics.<topic>} if configured, else the log's defaults with
     *         records large enough for the map's largest value and a key of up to {@link #KEY_ROOM} bytes
     */
    GridTopicConfig topicConfig(GridMapConfig map) {
        String topic = map.getChangeTopic();
        GridTopicConfig settings = config.getLog().defaultTopic(topic);
        if (!config.getLog().getTopics().containsKey(topic)) {
            long needed = (long) map.getMaxValueSize() + KEY_ROOM;
            settings.setMaxRecordBytes((int) Math.min(MAX_RECORD_BYTES, Math.max(settings.getMaxRecordBytes(), needed)));
        }
        return settings;
    }

    private CompletableFuture<Void> prepare(DefaultGridLog log, GridTopicConfig settings) {
        String topic = settings.getName();
        return CompletableFuture.runAsync(() -> {
            try {
                log.createTopic(settings);
            } catch (TopicExistsException e) {
                // created by another member, or by the user beforehand: its settings stand
            }
            DefaultGridLog.join(log.topic(topic));
        }, nodeEngine.getExecutionService().getExecutor(ExecutionService.ASYNC_EXECUTOR));
    }

    private static String failure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return "?";
        } catch (CompletionException e) {
            return String.valueOf(e.getCause());
        }
    }

    @Override
    public CompletionStage<?> append(Change change) {
        try {
            boolean removal = change.kind() == Kind.REMOVE;
            ProducerRecord record = new ProducerRecord(change.map().getChangeTopic(), null, change.key(),
                    removal ? REMOVED : change.value(), headers(removal, change.call()), change.timestamp());
            SendTask task = new SendTask(appender().producer(), record, record.value().length + record.key().length + 64L,
                    new CompletableFuture<>());
            queuedBytes.addAndGet(task.size());
            try {
                sender.execute(task);
            } catch (RejectedExecutionException e) {
                queuedBytes.addAndGet(-task.size());
                return CompletableFuture.failedFuture(new LogException("the member is shutting down: change not appended", e));
            }
            return task.appended();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private List<Header> headers(boolean removal, String call) {
        List<Header> kind = removal ? REMOVE : PUT;
        return callHeaders.computeIfAbsent((removal ? "-" : "+") + call,
                k -> List.of(kind.get(0), header(MapChange.CALL_HEADER, call)));
    }

    private static Header header(String key, String value) {
        return new Header(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
