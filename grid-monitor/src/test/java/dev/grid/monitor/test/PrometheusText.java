package dev.grid.monitor.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written for the tests (independent
 * of the code under test): every sample belongs to a family declared by one {@code # TYPE} line
 * before it; names and labels are well formed; no series repeats; histogram buckets are cumulative
 * and end with {@code +Inf} equal to {@code _count}.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+-?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One family: its type, help, and samples (series label string to value). */
    public static final class Family {
        public final String name;
        public final String type;
        public String help;
        public final Map<String, Double> samples = new LinkedHashMap<>();
        public final List<Map<String, String>> labelSets = new ArrayList<>();

        Family(String name, String type) {
            this.name = name;
            this.type = type;
        }
    }

    private PrometheusText() {
    }

    /** @throws IllegalArgumentException naming the line and the problem */
    public static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Set<String> series = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                if (n != lines.length - 1) {
                    throw new IllegalArgumentException(where + "empty line inside the text");
                }
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                if (!NAME.matcher(parts[0]).matches()) {
                    throw new IllegalArgumentException(where + "bad metric name in HELP");
                }
                if (helps.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                    throw new IllegalArgumentException(where + "second HELP for " + parts[0]);
                }
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !TYPES.contains(parts[1])) {
                    throw new IllegalArgumentException(where + "bad TYPE line");
                }
                if (families.containsKey(parts[0])) {
                    throw new IllegalArgumentException(where + "second TYPE for " + parts[0]);
                }
                Family family = new Family(parts[0], parts[1]);
                family.help = helps.get(parts[0]);
                families.put(parts[0], family);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + "not a sample line");
            }
            String name = m.group(1);
            Map<String, String> labels = labels(where, m.group(3));
            double value = value(where, m.group(4));
            Family family = familyOf(families, name);
            if (family == null) {
                throw new IllegalArgumentException(where + "sample of " + name + " before (or without) its # TYPE line");
            }
            String key = name + new TreeMap<>(labels);
            if (!series.add(key)) {
                throw new IllegalArgumentException(where + "series repeated: " + key);
            }
            family.samples.put(name + new TreeMap<>(labels), value);
            Map<String, String> withName = new LinkedHashMap<>(labels);
            withName.put("__name__", name);
            family.labelSets.add(withName);
        }
        for (Family family : families.values()) {
            if (family.type.equals("histogram")) {
                checkHistogram(family);
            }
        }
        return families;
    }

    private static Family familyOf(Map<String, Family> families, String sample) {
        Family exact = families.get(sample);
        if (exact != null && !exact.type.equals("histogram") && !exact.type.equals("summary")) {
            return exact;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (sample.endsWith(suffix)) {
                Family family = families.get(sample.substring(0, sample.length() - suffix.length()));
                if (family != null) {
                    return family;
                }
            }
        }
        return exact;
    }

    private static Map<String, String> labels(String where, String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException(where + "bad label at '" + text.substring(pos) + "'");
            }
            if (labels.put(m.group(1), m.group(2)) != null) {
                throw new IllegalArgumentException(where + "label " + m.group(1) + " twice");
            }
            pos = m.end();
        }
        return labels;
    }

    private static double value(String where, String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "bad value " + text);
                }
        }
    }

    private static void checkHistogram(Family family) {
        Map<String, List<double[]>> bucketsBySeries = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        for (Map<String, String> labels : family.labelSets) {
            String name = labels.get("__name__");
            Map<String, String> rest = new TreeMap<>(labels);
            rest.remove("__name__");
            String le = rest.remove("le");
            String key = rest.toString();
            Map<String, String> lookup = new TreeMap<>(labels);
            lookup.remove("__name__");
            double value = family.samples.get(name + lookup);
            if (name.endsWith("_bucket")) {
                if (le == null) {
                    throw new IllegalArgumentException(family.name + ": bucket without le " + labels);
                }
                bucketsBySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[]{value(family.name, le), value});
            } else if (name.endsWith("_count")) {
                counts.put(key, value);
            }
        }
        bucketsBySeries.forEach((key, buckets) -> {
            double previousLe = Double.NEGATIVE_INFINITY;
            double previous = 0;
            for (double[] bucket : buckets) {
                if (bucket[0] <= previousLe || bucket[1] < previous) {
                    throw new IllegalArgumentException(family.name + key + ": buckets not increasing at le=" + bucket[0]);
                }
                previousLe = bucket[0];
                previous = bucket[1];
            }
            if (previousLe != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(family.name + key + ": no +Inf bucket");
            }
            Double count = counts.get(key);
            if (count == null || count != previous) {
                throw new IllegalArgumentException(family.name + key + ": _count " + count + " differs from the +Inf bucket " + previous);
            }
        });
    }
}
