package dev.grid.perf.bench.log;

import dev.grid.perf.bench.targets.ChildProcesses;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher of {@code grid bench log}: one Kafka 4.4.0 broker (KRaft) in a child JVM started, a topic created,
 * records produced with acks=all and consumed back in order from the beginning, then the broker stopped: no process
 * left and the data directory gone. About 15 s (tagged {@code kafka}: {@code -Dgrid.test.excludedGroups=soak,faults,kafka}
 * leaves it out).
 */
@Tag("kafka")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaClusterTest {
    private static final int RECORDS = 2_000;

    @Test
    void shouldStartProduceConsumeAndStopWithNothingLeft(@TempDir Path logs) {
        List<Long> pids;
        Path data;
        try (KafkaCluster kafka = KafkaCluster.start(1, "512m", logs)) {
            pids = kafka.pids();
            data = kafka.dataDirectory();
            assertEquals(1, pids.size());
            kafka.createTopic("launcher-test", 1, 1, 1);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "acks", "all", "enable.idempotence", "true", "linger.ms", "5"), new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>("launcher-test", 0, null, ByteBuffer.allocate(100).putInt(0, i).array()));
                }
                producer.flush();
            }
            List<Integer> read = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                TopicPartition partition = new TopicPartition("launcher-test", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (read.size() < RECORDS && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        assertEquals(100, r.value().length);
                        read.add(ByteBuffer.wrap(r.value()).getInt(0));
                    }
                }
            }
            assertEquals(RECORDS, read.size(), "records read back");
            for (int i = 0; i < RECORDS; i++) {
                assertEquals(i, read.get(i), "record at offset " + i);
            }
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker JVM " + pid + " still running");
        }
        assertTrue(ChildProcesses.alivePids().isEmpty(), "registry empty: " + ChildProcesses.alivePids());
        assertFalse(Files.exists(data), data + " deleted");
        assertTrue(Files.exists(logs.resolve("kafka-broker-" + kafkaPort(logs) + ".log")), "the broker's log is kept");
    }

    @Test
    void shouldFailWithTheBrokersLogTailWhenItCannotStart(@TempDir Path logs) {
        // a heap no JVM starts with: the broker exits at once, and the error says so with its log
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KafkaCluster.start(1, "1k", logs));
        assertTrue(e.getMessage().startsWith("Kafka broker 1 (pid "), e.getMessage());
        assertTrue(e.getMessage().contains("before the cluster was ready; the log " + logs.resolve("kafka-broker-"))
                && e.getMessage().contains("heap"), e.getMessage());
        assertTrue(ChildProcesses.alivePids().isEmpty(), "registry empty: " + ChildProcesses.alivePids());
    }

    private static String kafkaPort(Path logs) {
        try (var files = Files.list(logs)) {
            String name = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("kafka-broker-")).findFirst().orElse("none");
            return name.replace("kafka-broker-", "").replace(".log", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
