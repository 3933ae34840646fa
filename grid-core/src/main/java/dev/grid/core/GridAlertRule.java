package dev.grid.core;

import dev.grid.core.impl.DurationText;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One alert rule of the monitor ({@code grid.monitor.alerts} in {@code grid.yaml}): an alert fires
 * when a metric series compares true against a threshold for at least a duration, and resolves when
 * it no longer does.
 *
 * <pre>{@code
 * config.getMonitor().addAlert(new GridAlertRule("orders-offheap-high",
 *         "grid_map_offheap_used_bytes{map=\"orders\"}", ">", 8e9)
 *         .setFor(Duration.ofMinutes(2)).setSeverity("critical").setSummary("orders uses more than 8 GB off-heap"));
 * }</pre>
 *
 * <p>The metric is a series of the member's {@code /metrics} output: a name, optionally with label
 * matchers {@code name{label="value",...}} that a series must all have. Every matching series is
 * an alert of its own. Whether the name exists is checked when the monitor starts.
 *
 * @since 0.1
 */
public final class GridAlertRule {
    /** The comparisons a rule may use. */
    public static final List<String> COMPARISONS = List.of(">", ">=", "<", "<=", "==", "!=");
    /** The severities a rule may have. */
    public static final List<String> SEVERITIES = List.of("info", "warning", "critical");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?");
    private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*");

    private final String name;
    private final String metric;
    private final String metricName;
    private final Map<String, String> labels;
    private final String comparison;
    private final double threshold;
    private Duration forDuration = Duration.ZERO;
    private String severity = "warning";
    private String summary;

    /**
     * @param name       the rule's name: lower-case letters, digits, '.', '_' and '-' (unique among the rules)
     * @param metric     a series selector, {@code name} or {@code name{label="value",...}}
     * @param comparison one of {@link #COMPARISONS}
     * @param threshold  the value the metric is compared against
     * @throws GridConfigException naming the rule and what is wrong
     */
    public GridAlertRule(String name, String metric, String comparison, double threshold) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new GridConfigException("grid.monitor.alerts", "grid.monitor.alerts: a rule name must be lower-case letters, digits, "
                    + "'.', '_' and '-', was " + Require.quote(name));
        }
        this.name = name;
        if (metric == null || metric.isBlank()) {
            throw problem("metric must be a metric name such as grid_map_offheap_used_bytes, was " + Require.quote(metric));
        }
        Matcher selector = SELECTOR.matcher(metric.trim());
        if (!selector.matches()) {
            throw problem("metric must be a name or name{label=\"value\",...}, was " + Require.quote(metric));
        }
        this.metric = metric.trim();
        this.metricName = selector.group(1);
        Map<String, String> matchers = new LinkedHashMap<>();
        if (selector.group(2) != null && !selector.group(2).isBlank()) {
            for (String part : selector.group(2).split(",")) {
                Matcher m = MATCHER.matcher(part);
                if (!m.matches()) {
                    throw problem("metric label matcher must be label=\"value\", was " + Require.quote(part.trim()) + " in " + Require.quote(metric));
                }
                if (matchers.put(m.group(1), m.group(2)) != null) {
                    throw problem("metric names label " + m.group(1) + " twice in " + Require.quote(metric));
                }
            }
        }
        this.labels = Collections.unmodifiableMap(matchers);
        if (comparison == null || !COMPARISONS.contains(comparison.trim())) {
            throw problem("comparison must be one of " + String.join(", ", COMPARISONS) + ", was " + Require.quote(comparison));
        }
        this.comparison = comparison.trim();
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw problem("threshold must be a finite number, was " + threshold);
        }
        this.threshold = threshold;
    }

    private GridConfigException problem(String message) {
        return new GridConfigException("grid.monitor.alerts", "grid.monitor.alerts rule \"" + name + "\": " + message);
    }

    /** @return the rule's name, unique among the rules */
    public String getName() {
        return name;
    }

    /** @return the series selector as written */
    public String getMetric() {
        return metric;
    }

    /** @return the metric name of the selector (without label matchers) */
    public String getMetricName() {
        return metricName;
    }

    /** @return the label matchers of the selector: a series matches when it has all of them */
    public Map<String, String> getLabels() {
        return labels;
    }

    /** @return one of {@link #COMPARISONS} */
    public String getComparison() {
        return comparison;
    }

    public double getThreshold() {
        return threshold;
    }

    /** @return how long the comparison must hold before the alert fires (default 0: at the first evaluation) */
    public Duration getFor() {
        return forDuration;
    }

    public GridAlertRule setFor(Duration forDuration) {
        if (forDuration == null || forDuration.isNegative()) {
            throw problem("for must be >= 0, was " + (forDuration == null ? "null" : DurationText.format(forDuration)));
        }
        this.forDuration = forDuration;
        return this;
    }

    /** @return one of {@link #SEVERITIES} (default {@code warning}) */
    public String getSeverity() {
        return severity;
    }

    public GridAlertRule setSeverity(String severity) {
        String s = severity == null ? null : severity.trim().toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(s)) {
            throw problem("severity must be one of " + String.join(", ", SEVERITIES) + ", was " + Require.quote(severity));
        }
        this.severity = s;
        return this;
    }

    /** @return one line saying what the alert means (default: the rule's condition) */
    public String getSummary() {
        return summary != null ? summary : metric + " " + comparison + " " + formatThreshold();
    }

    public GridAlertRule setSummary(String summary) {
        this.summary = summary == null || summary.isBlank() ? null : summary.trim();
        return this;
    }

    private String formatThreshold() {
        return threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15 ? Long.toString((long) threshold) : Double.toString(threshold);
    }

    /**
     * @param value a series' current value
     * @return whether the rule's condition holds for it
     */
    public boolean holds(double value) {
        switch (comparison) {
            case ">":
                return value > threshold;
            case ">=":
                return value >= threshold;
            case "<":
                return value < threshold;
            case "<=":
                return value <= threshold;
            case "==":
                return value == threshold;
            default:
                return value != threshold;
        }
    }

    /**
     * @param seriesLabels a series' labels
     * @return whether the series has every label matcher of the rule
     */
    public boolean matches(Map<String, String> seriesLabels) {
        for (Map.Entry<String, String> matcher : labels.entrySet()) {
            if (!matcher.getValue().equals(seriesLabels.get(matcher.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GridAlertRule)) {
            return false;
        }
        GridAlertRule r = (GridAlertRule) o;
        return name.equals(r.name) && metric.equals(r.metric) && comparison.equals(r.comparison) && threshold == r.threshold
                && forDuration.equals(r.forDuration) && severity.equals(r.severity) && Objects.equals(summary, r.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, metric, comparison, threshold);
    }

    @Override
    public String toString() {
        return name + ": " + metric + " " + comparison + " " + formatThreshold() + (forDuration.isZero() ? "" : " for " + DurationText.format(forDuration))
                + " (" + severity + ")";
    }
}
