package dev.grid.perf.bench.targets;

import dev.grid.core.spi.JvmFlags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: this JVM's java executable, grid's JVM flags, and a class path. */
public final class JavaCommand {
    /** A system property of the harness: more options for the JVMs it starts, after grid's flags. */
    public static final String EXTRA_OPTIONS = "grid.bench.childJvmOptions";

    private JavaCommand() {
    }

    /** @return the java executable running this JVM */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param heap      -Xmx value, e.g. {@code 1g}
     * @param classPath the class path
     * @param mainClass the main class
     * @param args      its arguments
     * @return the command line: java, grid's flags, quiet logging, heap, class path, main class, arguments
     */
    public static List<String> of(String heap, String classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JvmFlags.list());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(forwardedProperties());
        command.addAll(extraOptions());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * @return {@code -D} options for this JVM's system properties named {@code hazelcast.*}: Hazelcast's tuning
     *         properties given to the harness ({@code GRID_JAVA_OPTS}) reach the members it starts
     */
    static List<String> forwardedProperties() {
        List<String> options = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("hazelcast.")).sorted()
                .forEach(name -> options.add("-D" + name + "=" + System.getProperty(name)));
        return options;
    }

    /**
     * @return the options in the system property {@value #EXTRA_OPTIONS} (space-separated), for diagnosing child JVMs:
     *         e.g. {@code GRID_JAVA_OPTS="-Dgrid.bench.childJvmOptions=-Xlog:gc:file=/tmp/gc-%p.log"}
     */
    public static List<String> extraOptions() {
        String value = System.getProperty(EXTRA_OPTIONS, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    /** @return this JVM's class path (the perf jar when run by {@code grid bench}; the test class path in tests) */
    public static String ownClassPath() {
        return System.getProperty("java.class.path");
    }
}
