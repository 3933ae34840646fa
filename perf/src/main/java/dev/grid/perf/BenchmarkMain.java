package dev.grid.perf;

import dev.grid.core.spi.JvmFlags;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of {@code perf/target/grid-perf.jar}: JMH's own command line ({@code -h} lists every
 * option), except that every forked benchmark JVM gets the JVM flags grid needs on Java 17 (module
 * opens for Chronicle Map and Hazelcast, Chronicle's analytics off). The flags are defined once, as
 * the parent pom's {@code grid.jvm.flags}, and read here through {@link JvmFlags#list()}; they go
 * in front of any {@code -jvmArgsPrepend} given on the command line, so a benchmark's own
 * {@code @Fork(jvmArgsAppend = ...)} (its heap size) still applies.
 *
 * <pre>
 * java -jar perf/target/grid-perf.jar LocalGetBenchmark -p keys=100000 -f 1 -wi 2 -i 3
 * java -jar perf/target/grid-perf.jar -l            # list the benchmarks
 * </pre>
 *
 * <p>With {@code -f 0} the benchmarks run in this JVM, which must then have been started with the
 * flags itself ({@code java $(cat grid-server/target/jvm.options) -jar ...}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs JMH with these arguments in this JVM, without exiting it (for {@code grid bench jmh} and
     * {@code grid bench all}).
     *
     * @return 0, or 1 if the command line was wrong, no benchmark matched or the run failed
     */
    public static int run(String... args) throws Exception {
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            return 1;
        }
        if (commandLine.shouldHelp() || commandLine.shouldList() || commandLine.shouldListWithParams()
                || commandLine.shouldListProfilers() || commandLine.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return 0;
        }
        warnIfUnforkedWithoutFlags(commandLine);
        Options options = new OptionsBuilder().parent(commandLine).jvmArgsPrepend(forkFlags(commandLine)).build();
        try {
            new Runner(options).run();
        } catch (NoBenchmarksException e) {
            System.err.println("No benchmarks match " + commandLine.getIncludes() + " (list them with -l)");
            return 1;
        } catch (RunnerException e) {
            System.err.println("Benchmark run failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
        return 0;
    }

    /** @return grid's JVM flags followed by the command line's own {@code -jvmArgsPrepend}, if any */
    static String[] forkFlags(CommandLineOptions commandLine) {
        List<String> flags = new ArrayList<>(JvmFlags.list());
        flags.addAll(commandLine.getJvmArgsPrepend().orElse(List.of()));
        return flags.toArray(new String[0]);
    }

    private static void warnIfUnforkedWithoutFlags(CommandLineOptions commandLine) {
        if (commandLine.getForkCount().orElse(1) == 0
                && !ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(JvmFlags.list())) {
            System.err.println("warning: -f 0 runs the benchmarks in this JVM, which lacks grid's JVM flags; "
                    + "start it with: java $(cat grid-server/target/jvm.options) -jar perf/target/grid-perf.jar ...");
        }
    }
}
