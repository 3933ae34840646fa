package dev.grid.server.impl;

import java.io.PrintStream;
import java.util.Set;

/** One command of the {@code grid} command line. */
public interface Command {

    /** @return the word that selects it: {@code grid <name>} */
    String name();

    /** @return one line for {@code grid --help} */
    String summary();

    /** @return the text of {@code grid <name> --help} */
    String usage();

    /** @return the options that take a value, such as {@code --config} */
    Set<String> valueOptions();

    /** @return the options that are flags, such as {@code --once} */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /**
     * @param line the parsed options
     * @param out  where results go
     * @param err  where errors go
     * @return the exit code
     */
    int run(CommandLine line, PrintStream out, PrintStream err);
}
