package dev.grid.server.impl;

import picocli.CommandLine;

import java.util.List;

/**
 * Prints the JVM options the {@code ./grid} launcher gives a {@code grid start} member, read from the
 * configuration that member will read ({@code --config FILE}, else {@code ./grid.yaml}, else the defaults):
 * the heap bound from {@code grid.jvm.heap}. The launcher runs this in a small JVM of its own before it starts
 * the member's, and puts {@code GRID_JAVA_OPTS} after these options, so an {@code -Xmx} there wins. Prints
 * nothing for bad arguments or a bad configuration: the member's own start reports them.
 */
public final class StartJvmOptions {
    private StartJvmOptions() {
    }

    public static void main(String[] args) {
        System.out.println(String.join(" ", options(args)));
    }

    /**
     * @param args {@code grid start}'s arguments
     * @return the JVM options, empty when the arguments or the configuration are bad
     */
    static List<String> options(String... args) {
        try {
            StartCommand start = new StartCommand(System.out, System.err);
            CommandLine line = new CommandLine(start);
            line.parseArgs(args);
            if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
                return List.of();
            }
            return List.of(start.configOption().load().config().getJvm().heapOption());
        } catch (RuntimeException badArgumentsOrConfig) {
            return List.of();
        }
    }
}
