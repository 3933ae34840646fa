package dev.grid.perf.bench;

import dev.grid.perf.BenchmarkMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid bench jmh [GROUP|REGEX] [JMH options]}: JMH's command line through
 * {@link BenchmarkMain} (forked JVMs get grid's JVM flags); a group name
 * ({@link BenchmarkGroups}) stands for its benchmarks. {@code --groups} lists the groups.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, header = "the JMH benchmarks, by group or regex, with JMH's own options",
        description = {
                "Runs JMH's command line (forked JVMs get grid's JVM flags): a group name stands for its benchmarks, anything else "
                        + "is handed to JMH as it is (a regex, -f 1 -wi 2 -i 3, -p keys=100000, -rf json ...; JMH's own options: "
                        + "grid bench jmh -- -h)."},
        footer = {"", "Example:", "  grid bench jmh map -f 1 -wi 2 -i 3"})
final class JmhCommand implements Callable<Integer> {
    @Option(names = "--groups", description = "list the groups and their benchmarks, and exit")
    private boolean listGroups;
    @Parameters(paramLabel = "GROUP|REGEX|JMH-OPTION", arity = "0..*", description = "groups: map, lock, txn")
    private List<String> arguments = new ArrayList<>();

    /** The command line that reads its arguments: JMH's options are handed on, not read here. */
    static CommandLine commandLine() {
        return new CommandLine(new JmhCommand()).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        if (listGroups) {
            for (String group : BenchmarkGroups.names()) {
                System.out.println(group + ": " + BenchmarkGroups.regex(group));
            }
            return 0;
        }
        List<String> jmh = new ArrayList<>();
        for (String arg : arguments) {
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
