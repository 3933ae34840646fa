package dev.grid.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Bad input: one line naming the command, the option and the value ({@code grid demo: Invalid value for option
 * '--entries': 'lots' is not an int}), suggestions for a mistyped name, a pointer to {@code --help}; exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("('" + name + " --help' describes the " + (command.getSubcommands().isEmpty() ? "options" : "commands") + ")");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
