package dev.grid.perf.bench.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The final check of a run: each product's total over its windows in the sink equals the total of its events. */
final class SumCheck {
    private SumCheck() {
    }

    /**
     * @param expected each product's total over the events appended
     * @param sink     every entry of the sink map ({@code <product>@<window end>} → sum); the flush product's are left out
     * @return null if every product's total is right and the sink has no other product, else what differs (up to five)
     */
    static String differences(Map<String, Long> expected, Map<String, Long> sink) {
        Map<String, Long> actual = new TreeMap<>();
        sink.forEach((key, sum) -> {
            String product = key.substring(0, key.lastIndexOf('@'));
            if (!product.equals(StreamPipelines.FLUSH_KEY)) {
                actual.merge(product, sum, Long::sum);
            }
        });
        List<String> off = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Long got = actual.remove(e.getKey());
            if (!e.getValue().equals(got)) {
                count++;
                if (off.size() < 5) {
                    off.add(e.getKey() + " sums to " + got + " in the sink, its events to " + e.getValue());
                }
            }
        }
        for (Map.Entry<String, Long> e : actual.entrySet()) {
            count++;
            if (off.size() < 5) {
                off.add(e.getKey() + " sums to " + e.getValue() + " in the sink and has no events");
            }
        }
        return count == 0 ? null : count + " of " + (expected.size() + actual.size()) + " products' totals differ from the events': "
                + String.join("; ", off);
    }
}
