package dev.grid.stream;

import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ReadOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checker of the log sink's tests: reads a topic to its end at an isolation level and counts each key's records; an
 * outcome compares the output topic's keys with the input's (every input key once: no key missing, none twice).
 */
public final class TopicCopies {
    private static final int MAX_READS = 100_000;

    private TopicCopies() {
    }

    /** @return per key, how many records of the topic (every partition, from its start to its end) have it */
    public static Map<String, Integer> countKeys(GridLog log, String topic, IsolationLevel isolation) {
        Map<String, Integer> counts = new HashMap<>();
        int partitions = log.describeTopic(topic).partitions().size();
        for (int p = 0; p < partitions; p++) {
            long offset = 0;
            for (int reads = 0; reads < MAX_READS; reads++) {
                FetchResult read = log.readAsync(topic, p, offset, 2_000, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO, isolation).join();
                for (ConsumerRecord record : read.records()) {
                    counts.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
                long next = read.nextOffset(offset);
                if (next == offset) {
                    break;
                }
                offset = next;
            }
        }
        return counts;
    }

    /** The output's keys against the input's. */
    public record Outcome(int inputs, int distinctOutputs, List<String> missing, List<String> duplicated, List<String> unknown) {
        public boolean exactlyOnce() {
            return missing.isEmpty() && duplicated.isEmpty() && unknown.isEmpty() && distinctOutputs == inputs;
        }

        public String line() {
            return "inputs " + inputs + ", outputs " + distinctOutputs + " distinct, missing " + missing.size() + first(missing)
                    + ", duplicated " + duplicated.size() + first(duplicated) + ", unknown " + unknown.size() + first(unknown);
        }

        private static String first(List<String> keys) {
            return keys.isEmpty() ? "" : " " + keys.subList(0, Math.min(5, keys.size()));
        }
    }

    public static Outcome compare(Set<String> inputs, Map<String, Integer> outputs) {
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(inputs)) {
            int count = outputs.getOrDefault(key, 0);
            if (count == 0) {
                missing.add(key);
            } else if (count > 1) {
                duplicated.add(key + "×" + count);
            }
        }
        for (String key : new TreeSet<>(outputs.keySet())) {
            if (!inputs.contains(key)) {
                unknown.add(key);
            }
        }
        return new Outcome(inputs.size(), outputs.size(), missing, duplicated, unknown);
    }
}
