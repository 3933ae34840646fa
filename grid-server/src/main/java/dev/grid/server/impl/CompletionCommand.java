package dev.grid.server.impl;

import dev.grid.server.GridCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code grid completion}: prints a bash completion script for every {@code grid} command and option (picocli's generator). */
@Command(name = "completion", mixinStandardHelpOptions = true, header = "print a bash completion script for grid's commands and options",
        description = {
                "Prints a bash script that completes grid's commands and their options. Load it in this shell, or in every new one:",
                "",
                "  source <(./grid completion)",
                "  ./grid completion > ~/.local/share/bash-completion/completions/grid",
                "",
                "It completes the word 'bench', not the options of grid bench's own commands (they live in the perf jar)."})
public final class CompletionCommand implements Callable<Integer> {
    private final PrintStream out;
    @Spec
    private CommandSpec spec;

    /** @param out where the script goes */
    public CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return GridCommand.OK;
    }
}
