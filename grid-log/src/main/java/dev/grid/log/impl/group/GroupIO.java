package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** How groups' messages write partitions and offsets: grouped by topic, so a topic's name travels once, and sorted. */
final class GroupIO {
    /** The most entries a list on the wire may announce: more is a corrupt or hostile message. */
    private static final int MAX_ENTRIES = 1_000_000;

    private GroupIO() {
    }

    static void writePartitions(ObjectDataOutput out, Collection<TopicPartition> partitions) throws IOException {
        Map<String, List<Integer>> byTopic = new TreeMap<>();
        for (TopicPartition partition : new TreeSet<>(partitions)) {
            byTopic.computeIfAbsent(partition.topic(), t -> new ArrayList<>()).add(partition.partition());
        }
        out.writeInt(byTopic.size());
        for (Map.Entry<String, List<Integer>> entry : byTopic.entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (int p : entry.getValue()) {
                out.writeInt(p);
            }
        }
    }

    static Set<TopicPartition> readPartitions(ObjectDataInput in) throws IOException {
        Set<TopicPartition> partitions = new TreeSet<>();
        int topics = count(in.readInt());
        for (int t = 0; t < topics; t++) {
            String topic = in.readString();
            int n = count(in.readInt());
            for (int i = 0; i < n; i++) {
                partitions.add(new TopicPartition(topic, in.readInt()));
            }
        }
        return partitions;
    }

    static void writeOffsets(ObjectDataOutput out, Map<TopicPartition, Long> offsets) throws IOException {
        Map<String, Map<Integer, Long>> byTopic = new TreeMap<>();
        offsets.forEach((partition, offset) -> byTopic.computeIfAbsent(partition.topic(), t -> new TreeMap<>()).put(partition.partition(), offset));
        out.writeInt(byTopic.size());
        for (Map.Entry<String, Map<Integer, Long>> entry : byTopic.entrySet()) {
            out.writeString(entry.getKey());
            out.writeInt(entry.getValue().size());
            for (Map.Entry<Integer, Long> offset : entry.getValue().entrySet()) {
                out.writeInt(offset.getKey());
                out.writeLong(offset.getValue());
            }
        }
    }

    static Map<TopicPartition, Long> readOffsets(ObjectDataInput in) throws IOException {
        Map<TopicPartition, Long> offsets = new TreeMap<>();
        int topics = count(in.readInt());
        for (int t = 0; t < topics; t++) {
            String topic = in.readString();
            int n = count(in.readInt());
            for (int i = 0; i < n; i++) {
                offsets.put(new TopicPartition(topic, in.readInt()), in.readLong());
            }
        }
        return offsets;
    }

    static void writeStrings(ObjectDataOutput out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeString(s);
        }
    }

    static List<String> readStrings(ObjectDataInput in) throws IOException {
        int n = count(in.readInt());
        List<String> strings = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            strings.add(in.readString());
        }
        return strings;
    }

    static int count(int n) throws IOException {
        if (n < 0 || n > MAX_ENTRIES) {
            throw new IOException("a consumer group message announces " + n + " entries (0 to " + MAX_ENTRIES + " allowed)");
        }
        return n;
    }
}
