package dev.grid.log.impl.producer;

import com.hazelcast.spi.impl.operationservice.Operation;
import dev.grid.core.test.GridCluster;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.LogException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A producer with several batches in flight to one partition, behind an invoker that loses requests before they reach the
 * owner, loses answers after the owner stored the batch, and delays answers so they come back out of order: every record
 * is still stored once, in the order it was sent, at the offset its acknowledgement named.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PipelinedProducerFaultTest {
    private static final int RECORDS = 20_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7)
            .configure(config -> config.getLog().setDirectory(tempDirectory()));

    private static Path tempDirectory() {
        try {
            Path dir = Files.createTempDirectory("grid-log-pipelined");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void lostRequestsLostAnswersAndLateAnswersKeepSendOrderWithoutDuplicates() {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("pipelined", 1);
        FaultyInvoker faulty = new FaultyInvoker(log.invoker(), new Random(7));
        List<CompletableFuture<AppendResult>> sent = new ArrayList<>(RECORDS);
        ProducerConfig config = new ProducerConfig().setMaxInFlight(5).setLinger(Duration.ZERO).setBatchBytes(1024)
                .setDeliveryTimeout(Duration.ofMinutes(1));
        try (DefaultLogProducer producer = new DefaultLogProducer(log, faulty, config)) {
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(ProducerRecord.of("pipelined", null, Integer.toString(i))));
            }
            producer.flush();
        } finally {
            faulty.close();
        }
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<AppendResult> f : sent) {
            f.exceptionally(e -> {
                if (failures.size() < 3) {
                    failures.add(String.valueOf(e));
                }
                return null;
            });
        }
        assertEquals(List.of(), failures, "no send failed");
        assertTrue(faulty.lostRequests.get() > 10 && faulty.lostAnswers.get() > 10,
                "the faults happened: " + faulty.lostRequests + " requests and " + faulty.lostAnswers + " answers lost");

        List<ConsumerRecord> stored = new ArrayList<>();
        long next = 0;
        while (next < log.endOffset("pipelined", 0)) {
            FetchResult page = log.read("pipelined", 0, next, 5_000);
            stored.addAll(page.records());
            next = page.nextOffset(next);
        }
        assertEquals(RECORDS, stored.size(), "every record stored once");
        for (int i = 0; i < RECORDS; i++) {
            assertEquals(Integer.toString(i), stored.get(i).valueAsString(), "offset " + i + " holds the record sent " + i + "th");
            assertEquals(i, sent.get(i).join().offset(), "record " + i + " was acknowledged at its offset");
        }
    }

    @Test
    void batchesSentFromManyThreadsReachTheOwnerInSequenceOrder() throws Exception {
        DefaultGridLog log = DefaultGridLog.of(CLUSTER.member(0));
        log.createTopic("ordered", 1);
        OrderRecordingInvoker recording = new OrderRecordingInvoker(log.invoker());
        ProducerConfig config = new ProducerConfig().setMaxInFlight(5).setLinger(Duration.ZERO).setBatchBytes(1024);
        int threads = 4;
        int perThread = 5_000;
        try (DefaultLogProducer producer = new DefaultLogProducer(log, recording, config)) {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        producer.send(ProducerRecord.of("ordered", null, thread + "-" + i));
                    }
                }));
            }
            senders.forEach(Thread::start);
            for (Thread sender : senders) {
                sender.join();
            }
            producer.flush();
        }
        assertEquals(threads * perThread, log.endOffset("ordered", 0), "every record stored once");
        assertTrue(recording.sent.get() > 100, "many batches were sent: " + recording.sent);
        assertEquals(List.of(), recording.outOfOrder, "batches sent after a later one of the same producer");
    }

    /** Passes operations through, noting every append sent before an earlier-numbered one of its producer was. */
    private static final class OrderRecordingInvoker extends ForwardingInvoker {
        final AtomicInteger sent = new AtomicInteger();
        final List<String> outOfOrder = new ArrayList<>();
        private final Map<Long, Integer> highest = new HashMap<>();

        OrderRecordingInvoker(LogInvoker delegate) {
            super(delegate);
        }

        @Override
        public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
            if (operation instanceof AppendOperation append) {
                sent.incrementAndGet();
                synchronized (this) {
                    Integer before = highest.get(append.producerId());
                    highest.put(append.producerId(), Math.max(append.sequence(), before == null ? -1 : before));
                    if (before != null && append.sequence() < before && outOfOrder.size() < 5) {
                        outOfOrder.add("batch " + append.sequence() + " after batch " + before);
                    }
                }
            }
            return super.onPartition(partitionId, operation);
        }
    }

    /** Passes operations through, losing some appends before or after the owner ran them and delaying some answers. */
    private static final class FaultyInvoker extends ForwardingInvoker {
        private final Random random;
        private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
        final AtomicInteger lostRequests = new AtomicInteger();
        final AtomicInteger lostAnswers = new AtomicInteger();

        FaultyInvoker(LogInvoker delegate, Random random) {
            super(delegate);
            this.random = random;
        }

        @Override
        public <T> CompletableFuture<T> onPartition(int partitionId, Operation operation) {
            if (!(operation instanceof AppendOperation)) {
                return super.onPartition(partitionId, operation);
            }
            int dice;
            synchronized (random) {
                dice = random.nextInt(100);
            }
            if (dice < 5) {
                lostRequests.incrementAndGet();
                return CompletableFuture.failedFuture(new LogException("request lost (injected)"));
            }
            CompletableFuture<T> answer = new CompletableFuture<>();
            super.<T>onPartition(partitionId, operation).whenComplete((value, error) -> {
                if (dice < 10) {
                    lostAnswers.incrementAndGet();
                    answer.completeExceptionally(new LogException("answer lost (injected)"));
                } else if (dice < 30) {
                    delays.schedule(() -> complete(answer, value, error), dice % 3, TimeUnit.MILLISECONDS);
                } else {
                    complete(answer, value, error);
                }
            });
            return answer;
        }

        private static <T> void complete(CompletableFuture<T> answer, T value, Throwable error) {
            if (error != null) {
                answer.completeExceptionally(error);
            } else {
                answer.complete(value);
            }
        }

        void close() {
            delays.shutdownNow();
        }
    }
}
