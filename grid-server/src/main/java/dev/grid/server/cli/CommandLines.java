package dev.grid.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The settings every grid command line shares, {@code grid} and {@code grid bench} alike. */
public final class CommandLines {
    /** Help is wrapped to this many columns. */
    static final int HELP_WIDTH = 100;

    private CommandLines() {
    }

    /**
     * Call once every subcommand is added: picocli hands these settings to the subcommands present.
     *
     * @param command the root command line
     * @param out     where help, version and results go
     * @param err     where errors go
     * @return the command line
     */
    public static CommandLine configure(CommandLine command, PrintStream out, PrintStream err) {
        setEveryCommand(command);
        return command.setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setUsageHelpWidth(HELP_WIDTH)
                // an argument such as a JMH regex is taken as it is, never as @file of arguments
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(new UsageErrors());
    }

    /** Every command's {@code --version} prints the project version; every help has the same headings and wrapping. */
    private static void setEveryCommand(CommandLine command) {
        command.getCommandSpec().versionProvider(new ProjectVersion());
        command.getCommandSpec().usageMessage()
                .sortOptions(false)
                .descriptionHeading("%n")
                .parameterListHeading("%nParameters:%n")
                .optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n");
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, new DescriptionRenderer(HELP_WIDTH));
        command.getSubcommands().values().forEach(CommandLines::setEveryCommand);
    }
}
