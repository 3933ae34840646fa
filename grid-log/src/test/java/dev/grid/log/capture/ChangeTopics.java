package dev.grid.log.capture;

import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.MapChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a map's change topic back for the capture tests. */
final class ChangeTopics {
    private ChangeTopics() {
    }

    /** @return every change of the topic below the high watermark, partition by partition, each in offset order */
    static <K, V> List<MapChange<K, V>> readAll(GridLog log, String map) {
        String topic = MapChange.topicOf(map);
        int partitions = log.describeTopic(topic).config().getPartitions();
        List<MapChange<K, V>> changes = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            long end = log.endOffset(topic, p);
            long next = log.startOffset(topic, p);
            while (next < end) {
                FetchResult page = log.read(topic, p, next, 10_000);
                for (ConsumerRecord record : page.records()) {
                    changes.add(log.mapChange(record));
                }
                next = page.nextOffset(next);
            }
        }
        return changes;
    }

    /** @return each key's changes, in the order the topic holds them, as "op value call" */
    static <K, V> Map<K, List<String>> perKey(List<MapChange<K, V>> changes) {
        Map<K, List<String>> perKey = new LinkedHashMap<>();
        for (MapChange<K, V> change : changes) {
            perKey.computeIfAbsent(change.key(), k -> new ArrayList<>()).add(describe(change.op(), change.value(), change.call()));
        }
        return perKey;
    }

    /** @return for each key whose changes differ from those expected: "expected [...], topic has [...]" */
    static <K> Map<K, String> differences(Map<K, List<String>> expected, Map<K, List<String>> actual) {
        Map<K, String> differences = new LinkedHashMap<>();
        java.util.Set<K> keys = new java.util.LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (K key : keys) {
            List<String> want = expected.getOrDefault(key, List.of());
            List<String> got = actual.getOrDefault(key, List.of());
            if (!want.equals(got)) {
                differences.put(key, "expected " + want + ", topic has " + got);
            }
        }
        return differences;
    }

    static String describe(MapChange.Op op, Object value, String call) {
        return op.header() + " " + value + " " + call;
    }

    /** @return the map the changes leave behind when applied in order, per key */
    static <K, V> Map<K, V> replay(List<MapChange<K, V>> changes) {
        Map<K, V> map = new HashMap<>();
        for (MapChange<K, V> change : changes) {
            if (change.isRemove()) {
                map.remove(change.key());
            } else {
                map.put(change.key(), change.value());
            }
        }
        return map;
    }
}
