package dev.grid.monitor.impl.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One metric series: a name, its labels, its value and kind, as collected from grid's metric
 * sources. {@link #label()} is its Prometheus form, {@code name{a="x",b="y"}} with sorted labels.
 */
public record Series(String name, Map<String, String> labels, double value, boolean counter, String help) {

    public Series {
        labels = Map.copyOf(labels);
    }

    /** @return {@code name{a="x",b="y"}}, labels sorted, values escaped as in Prometheus text */
    public String label() {
        return format(name, labels);
    }

    public static String format(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
        }
        return out.append('}').toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
