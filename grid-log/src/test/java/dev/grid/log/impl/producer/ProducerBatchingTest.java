package dev.grid.log.impl.producer;

import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.test.GridCluster;
import dev.grid.log.AppendResult;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.impl.DefaultGridLog;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.operations.AppendOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a batch goes: at once when its partition has nothing in flight ({@code sendWhenIdle}, the default) and its last
 * batch went {@code idleSendInterval} ago, else when the batch in flight is answered (and the interval passed), or after
 * linger. Linger is 10 s here, far longer than any of these tests waits, so a record
 * answered in time went without lingering.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProducerBatchingTest {
    private static final Duration LONG_LINGER = Duration.ofSeconds(10);
    private static final long WAIT_SECONDS = 5;
    private static final Duration IDLE_SEND_INTERVAL = Duration.ofSeconds(1);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7)
            .configure(config -> config.getLog().setDirectory(tempDirectory()));

    private static Path tempDirectory() {
        try {
            Path dir = Files.createTempDirectory("grid-log-batching");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRecordGoesAtOnceWhenItsPartitionHasNothingInFlight() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("idle", 1);
        HoldingInvoker invoker = new HoldingInvoker(log.invoker(), false);
        ProducerConfig config = new ProducerConfig().setLinger(LONG_LINGER).setIdleSendInterval(Duration.ZERO);
        try (DefaultLogProducer producer = new DefaultLogProducer(log, invoker, config)) {
            AppendResult first = producer.send(ProducerRecord.of("idle", null, "a")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            AppendResult second = producer.send(ProducerRecord.of("idle", null, "b")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of(0L, 1L), List.of(first.offset(), second.offset()));
            assertEquals(2, invoker.appends.get(), "one batch per record");
        }
    }

    @Test
    void recordsSentWhileABatchIsInFlightGoTogetherWhenItIsAnswered() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("busy", 1);
        HoldingInvoker invoker = new HoldingInvoker(log.invoker(), true);
        try (DefaultLogProducer producer = new DefaultLogProducer(log, invoker, new ProducerConfig().setLinger(LONG_LINGER))) {
            try { // a failed check must not leave close() waiting for the held answer
                CompletableFuture<AppendResult> first = producer.send(ProducerRecord.of("busy", null, "first"));
                assertEquals(1, invoker.appends.get(), "the first record went at once");
                List<CompletableFuture<AppendResult>> behind = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    behind.add(producer.send(ProducerRecord.of("busy", null, "behind-" + i)));
                }
                assertEquals(1, invoker.appends.get(), "nothing else went while the first batch was unanswered");
                assertFalse(first.isDone());

                invoker.release();
                assertEquals(0, first.get(WAIT_SECONDS, TimeUnit.SECONDS).offset());
                for (int i = 0; i < behind.size(); i++) {
                    assertEquals(i + 1, behind.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).offset(), "record behind-" + i);
                }
                assertEquals(2, invoker.appends.get(), "the nine records behind went as one batch, without lingering");
            } finally {
                invoker.release();
            }
        }
    }

    @Test
    void withoutSendWhenIdleABatchWaitsForLingerOrFlush() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("lingering", 1);
        HoldingInvoker invoker = new HoldingInvoker(log.invoker(), false);
        ProducerConfig config = new ProducerConfig().setLinger(LONG_LINGER).setSendWhenIdle(false);
        try (DefaultLogProducer producer = new DefaultLogProducer(log, invoker, config)) {
            CompletableFuture<AppendResult> sent = producer.send(ProducerRecord.of("lingering", null, "a"));
            assertEquals(0, invoker.appends.get(), "the batch lingers");
            producer.flush();
            assertEquals(0, sent.get(WAIT_SECONDS, TimeUnit.SECONDS).offset());
            assertEquals(1, invoker.appends.get());
        }
    }

    @Test
    void anIdlePartitionSendsAtMostOneBatchPerIdleSendInterval() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("spaced", 1);
        HoldingInvoker invoker = new HoldingInvoker(log.invoker(), false);
        ProducerConfig config = new ProducerConfig().setLinger(LONG_LINGER).setIdleSendInterval(IDLE_SEND_INTERVAL);
        try (DefaultLogProducer producer = new DefaultLogProducer(log, invoker, config)) {
            long began = System.nanoTime();
            assertEquals(0, producer.send(ProducerRecord.of("spaced", null, "a")).get(WAIT_SECONDS, TimeUnit.SECONDS).offset());
            CompletableFuture<AppendResult> second = producer.send(ProducerRecord.of("spaced", null, "b"));
            assertEquals(1, invoker.appends.get(), "the partition is idle, but its last batch went less than the interval ago");
            assertEquals(1, second.get(WAIT_SECONDS, TimeUnit.SECONDS).offset());
            assertTrue(System.nanoTime() - began >= IDLE_SEND_INTERVAL.toNanos(), "the second batch went after the interval");
            assertEquals(2, invoker.appends.get());
        }
    }

    @Test
    void aBatchGatheredWhileOneWasInFlightGoesAfterTheIdleSendIntervalNotAfterLinger() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("gathered", 1);
        HoldingInvoker invoker = new HoldingInvoker(log.invoker(), true);
        ProducerConfig config = new ProducerConfig().setLinger(LONG_LINGER).setIdleSendInterval(IDLE_SEND_INTERVAL);
        try (DefaultLogProducer producer = new DefaultLogProducer(log, invoker, config)) {
            try {
                CompletableFuture<AppendResult> first = producer.send(ProducerRecord.of("gathered", null, "first"));
                CompletableFuture<AppendResult> behind = producer.send(ProducerRecord.of("gathered", null, "behind"));
                assertEquals(1, invoker.appends.get(), "the record behind waits while the first batch is in flight");
                invoker.release(); // the partition is idle again within the interval: its batch waits for the interval only
                assertEquals(0, first.get(WAIT_SECONDS, TimeUnit.SECONDS).offset());
                assertEquals(1, behind.get(WAIT_SECONDS, TimeUnit.SECONDS).offset(), "went long before the 10 s linger");
                assertEquals(2, invoker.appends.get());
            } finally {
                invoker.release();
            }
        }
    }

    /** Counts appends; holding, it keeps the first append's answer back until {@link #release()}. */
    private static final class HoldingInvoker extends ForwardingInvoker {
        final AtomicInteger appends = new AtomicInteger();
        private final CompletableFuture<Void> released = new CompletableFuture<>();

        HoldingInvoker(LogInvoker delegate, boolean holding) {
            super(delegate);
            if (!holding) {
                released.complete(null);
            }
        }

        void release() {
            released.complete(null);
        }

        @Override
        public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
            if (!(operation instanceof AppendOperation)) {
                return super.onPartition(partitionId, operation);
            }
            boolean first = appends.incrementAndGet() == 1;
            CompletableFuture<T> answer = super.onPartition(partitionId, operation);
            return first ? answer.thenCombine(released, (value, ignored) -> value) : answer;
        }
    }
}
