package dev.grid.perf.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --name=value} options, each allowed once; anything else is a
 * usage error naming it.
 */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param args  the arguments
     * @param known the option names accepted (without dashes)
     * @param flags the options that take no value
     * @throws UsageException for an unknown, repeated or value-less option
     */
    Options(List<String> args, Set<String> known, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("targets") && known.contains("target")) {
                name = "target"; // the plural reads naturally with a list: --targets gridmap,imap
            }
            if (!known.contains(name) && !flags.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", sorted(known, flags)) + ")");
            }
            if (flags.contains(name)) {
                value = value == null ? "true" : value;
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
    }

    private static List<String> sorted(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        return all;
    }

    List<String> positional() {
        return positional;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    List<String> list(String name, String defaultValue) {
        List<String> items = new ArrayList<>();
        for (String item : string(name, defaultValue).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty()) {
            throw new UsageException("--" + name + " must not be empty");
        }
        return items;
    }

    long positiveLong(String name, long defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + text + "'");
        }
        if (value <= 0) {
            throw new UsageException("--" + name + " must be > 0, was " + value);
        }
        return value;
    }

    int positiveInt(String name, int defaultValue) {
        long value = positiveLong(name, defaultValue);
        if (value > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " must be at most " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) value;
    }

    double positiveDouble(String name, double defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + text + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException("--" + name + " must be > 0, was " + text);
        }
        return value;
    }

    /**
     * @param allowZero whether 0 is accepted (a warm-up may be skipped; a duration may not)
     * @return a duration written {@code 30s}, {@code 500ms}, {@code 2m} or a number of seconds
     */
    Duration duration(String name, Duration defaultValue, boolean allowZero) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        Duration value = parseDuration(name, text);
        if (value.isNegative() || (!allowZero && value.isZero())) {
            throw new UsageException("--" + name + " must be " + (allowZero ? ">= 0" : "> 0") + ", was " + text);
        }
        return value;
    }

    static Duration parseDuration(String name, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a duration such as 30s, 500ms or 2m, was '" + text + "'");
        }
    }
}
