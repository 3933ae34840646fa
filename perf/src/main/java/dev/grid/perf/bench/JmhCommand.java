package dev.grid.perf.bench;

import dev.grid.perf.BenchmarkMain;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code grid bench jmh [GROUP|REGEX] [JMH options]}: JMH's command line through
 * {@link BenchmarkMain} (forked JVMs get grid's JVM flags); a group name
 * ({@link BenchmarkGroups}) stands for its benchmarks. {@code --groups} lists the groups.
 */
final class JmhCommand {
    private JmhCommand() {
    }

    static int run(List<String> args) {
        if (args.equals(List.of("--groups"))) {
            for (String group : BenchmarkGroups.names()) {
                System.out.println(group + ": " + BenchmarkGroups.regex(group));
            }
            return 0;
        }
        List<String> jmh = new ArrayList<>();
        for (String arg : args) {
            String regex = BenchmarkGroups.regex(arg);
            jmh.add(regex != null ? regex : arg);
        }
        try {
            return BenchmarkMain.run(jmh.toArray(new String[0]));
        } catch (Exception e) {
            System.err.println("grid bench jmh: " + e);
            return 1;
        }
    }
}
