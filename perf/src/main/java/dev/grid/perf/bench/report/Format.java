package dev.grid.perf.bench.report;

import java.util.Locale;

/** Number formats shared by the table and the report. */
public final class Format {
    private Format() {
    }

    public static String ops(double opsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", opsPerSecond);
    }

    public static String micros(double micros) {
        if (micros >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", micros);
        }
        if (micros >= 100) {
            return String.format(Locale.ROOT, "%.0f", micros);
        }
        if (micros >= 10) {
            return String.format(Locale.ROOT, "%.1f", micros);
        }
        return String.format(Locale.ROOT, "%.2f", micros);
    }

    /** Axis labels for latencies given in µs. */
    public static String latencyTick(double micros) {
        if (micros >= 1_000_000) {
            return String.format(Locale.ROOT, "%.0f s", micros / 1e6);
        }
        if (micros >= 1000) {
            return String.format(Locale.ROOT, "%.0f ms", micros / 1000);
        }
        if (micros >= 1) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        return String.format(Locale.ROOT, "%.0f ns", micros * 1000);
    }

    public static String count(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** @return the text with HTML's special characters escaped (null: empty) */
    public static String html(String s) {
        return HtmlReport.escape(s);
    }
}
