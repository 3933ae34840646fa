package dev.grid.perf.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Inline SVG charts: line charts (linear or log axes) and horizontal bar charts. No scripts, no external files. */
public final class SvgCharts {
    public static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 72;
    private static final int RIGHT = 200;
    private static final int TOP = 32;
    private static final int BOTTOM = 48;

    private SvgCharts() {
    }

    /** A named line. */
    public record Series(String name, String color, List<double[]> points) {
    }

    /** A tick on an axis, at a value (already transformed for log axes by the caller of {@link Axis#custom}). */
    public record Tick(double value, String label) {
    }

    /** An axis: label, log or linear, optional fixed ticks. */
    public record Axis(String label, boolean log, List<Tick> ticks, DoubleFunction<String> format) {
        public static Axis linear(String label, DoubleFunction<String> format) {
            return new Axis(label, false, null, format);
        }

        public static Axis log(String label, DoubleFunction<String> format) {
            return new Axis(label, true, null, format);
        }

        public static Axis custom(String label, List<Tick> ticks) {
            return new Axis(label, false, ticks, v -> "");
        }
    }

    /** A labelled bar. */
    public record Bar(String label, double value, String text, String color) {
    }

    public static String lines(String title, List<Series> series, Axis xAxis, Axis yAxis) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (yAxis.log() && p[1] <= 0) {
                    continue;
                }
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        StringBuilder svg = open(title, HEIGHT);
        if (xMin > xMax) {
            svg.append(text(LEFT + 10, TOP + 40, "no data", "start"));
            return svg.append("</svg>\n").toString();
        }
        if (xAxis.ticks() != null) {
            xMin = Math.min(xMin, xAxis.ticks().get(0).value());
            xMax = Math.max(xMax, xAxis.ticks().get(xAxis.ticks().size() - 1).value());
        }
        Scale x = new Scale(xMin, xMax == xMin ? xMin + 1 : xMax, false, LEFT, WIDTH - RIGHT);
        Scale y = yAxis.log()
                ? new Scale(Math.pow(10, Math.floor(Math.log10(yMin))), Math.pow(10, Math.ceil(Math.log10(yMax * 1.0001))), true,
                HEIGHT - BOTTOM, TOP)
                : new Scale(0, niceCeiling(yMax), false, HEIGHT - BOTTOM, TOP);
        // grid and ticks
        List<Tick> yTicks = yAxis.log() ? logTicks(y, yAxis.format()) : linearTicks(y, yAxis.format());
        for (Tick t : yTicks) {
            double py = y.map(t.value());
            svg.append(line(LEFT, py, WIDTH - RIGHT, py, "#ddd"));
            svg.append(text(LEFT - 6, py + 4, t.label(), "end"));
        }
        List<Tick> xTicks = xAxis.ticks() != null ? xAxis.ticks() : linearTicks(x, xAxis.format());
        for (Tick t : xTicks) {
            double px = x.map(t.value());
            svg.append(line(px, TOP, px, HEIGHT - BOTTOM, "#eee"));
            svg.append(text(px, HEIGHT - BOTTOM + 16, t.label(), "middle"));
        }
        svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333"));
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#333"));
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, xAxis.label(), "middle"));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
                (TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0, HtmlReport.escape(yAxis.label())));
        int legend = 0;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                if (yAxis.log() && p[1] <= 0) {
                    continue;
                }
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f", x.map(p[0]), y.map(p[1])));
            }
            if (path.length() > 0) {
                svg.append(String.format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, s.color()));
            }
            double ly = TOP + 8 + legend * 18;
            svg.append(line(WIDTH - RIGHT + 12, ly, WIDTH - RIGHT + 32, ly, s.color()).replace("stroke-width=\"1\"", "stroke-width=\"3\""));
            svg.append(text(WIDTH - RIGHT + 38, ly + 4, s.name(), "start"));
            legend++;
        }
        return svg.append("</svg>\n").toString();
    }

    public static String bars(String title, List<Bar> bars) {
        int barHeight = 22;
        int height = TOP + bars.size() * (barHeight + 8) + 16;
        int labelWidth = 230;
        StringBuilder svg = open(title, height);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double width = WIDTH - labelWidth - 120;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * (barHeight + 8);
            double w = max > 0 ? Math.max(1, b.value() / max * width) : 1;
            svg.append(text(labelWidth - 8, y + barHeight * 0.7, b.label(), "end"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y, w, barHeight, b.color()));
            svg.append(text(labelWidth + w + 6, y + barHeight * 0.7, b.text(), "start"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format("<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT, HtmlReport.escape(title)));
        return svg;
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>%n",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, HtmlReport.escape(s));
    }

    private static List<Tick> linearTicks(Scale s, DoubleFunction<String> format) {
        List<Tick> ticks = new ArrayList<>();
        double step = niceStep((s.max - s.min) / 5);
        for (double v = Math.ceil(s.min / step) * step; v <= s.max + step * 1e-9; v += step) {
            ticks.add(new Tick(v, format.apply(v)));
        }
        return ticks;
    }

    private static List<Tick> logTicks(Scale s, DoubleFunction<String> format) {
        List<Tick> ticks = new ArrayList<>();
        for (double v = s.min; v <= s.max * 1.0001; v *= 10) {
            ticks.add(new Tick(v, format.apply(v)));
        }
        return ticks;
    }

    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double step = niceStep(v / 5);
        return Math.ceil(v / step) * step;
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Maps data values to pixels. */
    private record Scale(double min, double max, boolean log, double from, double to) {
        double map(double v) {
            double t = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
            return from + t * (to - from);
        }
    }
}
