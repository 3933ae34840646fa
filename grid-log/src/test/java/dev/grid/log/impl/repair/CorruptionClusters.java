package dev.grid.log.impl.repair;

import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.impl.DefaultGridLog;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.replica.PartitionLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corruption tests share: clusters whose members keep their log files in a temporary directory, small
 * segments, and ways to find a replica's segment files on a member, damage them, and check every acknowledged record.
 */
final class CorruptionClusters {
    /** Small segments (many of them) and small producer batches (several per segment). */
    static final int SEGMENT_BYTES = 4096;

    private CorruptionClusters() {
    }

    static GridCluster members(int count, int backups, Duration scrubInterval) {
        Path dir;
        try {
            dir = Files.createTempDirectory("grid-log-corrupt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir.toFile().deleteOnExit();
        return GridCluster.withMembers(count).partitions(31).configure(config -> {
            config.setBackupCount(backups);
            config.getLog().setDirectory(dir).setScrubInterval(scrubInterval);
        });
    }

    static void createTopic(Grid member, String topic) {
        GridLog.of(member).createTopic(new GridTopicConfig(topic).setPartitions(1).setSegmentBytes(SEGMENT_BYTES).setMaxRecordBytes(1024));
    }

    /** Sends {@code count} records with values {@code prefix-i}, all to partition 0; returns the sends (not joined). */
    static List<CompletableFuture<AppendResult>> send(Grid member, String topic, String prefix, int count) {
        List<CompletableFuture<AppendResult>> sent = new ArrayList<>();
        try (LogProducer producer = GridLog.of(member).producer(new ProducerConfig().setBatchBytes(1024))) {
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(ProducerRecord.of(topic, null, prefix + "-" + i).toPartition(0)));
            }
        }
        return sent;
    }

    /** Joins the sends: offset to value of every acknowledged record. */
    static Map<Long, String> acknowledged(List<CompletableFuture<AppendResult>> sent, String prefix, Map<Long, String> into) {
        for (int i = 0; i < sent.size(); i++) {
            AppendResult r = sent.get(i).join();
            assertEquals(null, into.put(r.offset(), prefix + "-" + i), "two records acknowledged at offset " + r.offset());
        }
        return into;
    }

    /**
     * Reads partition 0 from its start to its high watermark through {@code member} and checks that every acknowledged
     * record is there once, at the offset its acknowledgement named, and that no value is there twice.
     */
    static void assertEveryAcknowledgedRecordOnce(Grid member, String topic, Map<Long, String> acknowledged) {
        GridLog log = GridLog.of(member);
        Map<Long, String> read = new HashMap<>();
        Set<String> values = new HashSet<>();
        long next = log.startOffset(topic, 0);
        assertEquals(0, next, "nothing was deleted");
        while (true) {
            FetchResult page = log.read(topic, 0, next, 500);
            for (ConsumerRecord r : page.records()) {
                assertEquals(next, r.offset(), "offsets are dense");
                read.put(r.offset(), r.valueAsString());
                assertTrue(values.add(r.valueAsString()), "value " + r.valueAsString() + " is stored twice (again at " + r.offset() + ")");
                next = r.offset() + 1;
            }
            if (page.records().isEmpty() && next >= page.highWatermark()) {
                break;
            }
        }
        for (Map.Entry<Long, String> a : acknowledged.entrySet()) {
            assertEquals(a.getValue(), read.get(a.getKey()), "acknowledged record at offset " + a.getKey());
        }
    }

    static NodeEngine nodeEngine(Grid member) {
        return ((HazelcastInstanceProxy) member.hazelcast()).getOriginal().node.getNodeEngine();
    }

    static GridLogService service(Grid member) {
        return nodeEngine(member).getService(GridLogService.SERVICE_NAME);
    }

    static UUID uuid(Grid member) {
        return member.hazelcast().getCluster().getLocalMember().getUuid();
    }

    /** @return the member holding replica {@code index} (0: the owner) of the topic's partition 0 */
    static Grid replicaHolder(List<Grid> members, String topic, int index) {
        Grid any = members.stream().filter(Grid::isRunning).findFirst().orElseThrow();
        int clusterPartition = ((DefaultGridLog) GridLog.of(any)).clusterPartition(topic, 0);
        InternalPartition partition = (InternalPartition) nodeEngine(any).getPartitionService().getPartition(clusterPartition);
        UUID holder = partition.getReplica(index).uuid();
        return members.stream().filter(m -> m.isRunning() && uuid(m).equals(holder)).findFirst().orElseThrow();
    }

    static PartitionLog replica(Grid member, String topic) {
        PartitionLog replica = service(member).replicaOrNull(topic, 0);
        assertNotNull(replica, "member " + uuid(member) + " holds a replica of " + topic + "-0");
        return replica;
    }

    /** @return the segment file of the replica's middle sealed segment (one that has rolled: not written to any more) */
    static Path middleSealedSegment(Grid member, String topic) {
        PartitionLog replica = replica(member, topic);
        List<Long> bases = replica.log().segmentBaseOffsets();
        assertTrue(bases.size() >= 4, "several segments: " + bases);
        return replica.log().directory().resolve(String.format("%020d.log", bases.get(bases.size() / 2)));
    }

    /** Flips one byte in the middle of a segment file, as a failing disk might. */
    static long flipByte(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = ch.size() / 2;
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, position);
            return position;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a segment file to half its size, as a lost write or a full disk might. */
    static long truncateToHalf(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long half = ch.size() / 2;
            ch.truncate(half);
            return half;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return corruptions found on {@code member} in replicas of {@code role}, as its metrics report them */
    static double metric(Grid member, String name, String role) {
        GridLog.of(member);             // registers the log's metrics on the member
        double[] value = {-1};
        member.metrics().collect(new dev.grid.core.MetricsCollector() {
            @Override
            public void counter(String n, String help, Map<String, String> labels, double v) {
                if (n.equals(name) && role.equals(labels.get("role"))) {
                    value[0] = v;
                }
            }

            @Override
            public void gauge(String n, String help, Map<String, String> labels, double v) {
            }
        });
        return value[0];
    }

    /** @return the WARN lines the member logged about corrupt files, joined */
    static String warnings(Grid member) {
        return String.join("\n", service(member).corruptionEvents().recent());
    }
}
