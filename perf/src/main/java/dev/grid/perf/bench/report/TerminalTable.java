package dev.grid.perf.bench.report;

import dev.grid.perf.bench.load.Measurement;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/** The table printed at the end of a run: one line per run, latencies in microseconds. */
public final class TerminalTable {
    private static final String[] HEADER = {"target", "mode", "members", "workload", "threads", "rate", "ops/s", "p50 µs",
        "p90 µs", "p99 µs", "p99.9 µs", "max µs", "errors", "status"};

    private TerminalTable() {
    }

    /** @return the table, lines separated by newlines */
    public static String render(List<RunResult> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RunResult run : runs) {
            Measurement m = run.measurement();
            String rate = run.spec().fixedRate() ? Format.ops(run.spec().targetOps()) : "max";
            String status = run.status().label() + (run.reason() != null ? ": " + run.reason() : "");
            if (m == null) {
                rows.add(new String[] {run.target(), run.mode(), Integer.toString(run.members()), run.spec().workload().name(),
                    Integer.toString(run.spec().threads()), rate, "-", "-", "-", "-", "-", "-", "-", status});
                continue;
            }
            Histogram h = m.all();
            if (m.behindSchedule()) {
                status += " (fell behind the target rate)";
            }
            rows.add(new String[] {run.target(), run.mode(), Integer.toString(run.members()), run.spec().workload().name(),
                Integer.toString(run.spec().threads()), rate, Format.ops(m.throughput()), Format.micros(h.getValueAtPercentile(50) / 1000.0),
                Format.micros(h.getValueAtPercentile(90) / 1000.0), Format.micros(h.getValueAtPercentile(99) / 1000.0),
                Format.micros(h.getValueAtPercentile(99.9) / 1000.0), Format.micros(h.getMaxValue() / 1000.0),
                Long.toString(m.totalErrors()), status});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i < row.length - 1 && i != 3;
                String cell = row[i];
                if (i < row.length - 1) {
                    cell = numeric ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length());
                }
                out.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
