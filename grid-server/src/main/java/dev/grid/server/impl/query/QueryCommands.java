package dev.grid.server.impl.query;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** The query module's commands: {@code grid export map|topic} and {@code grid sql}. */
public final class QueryCommands {
    private QueryCommands() {
    }

    /**
     * @param in  what {@code grid sql} reads statements from without {@code -e}
     * @param out where results go
     * @param err where progress and errors go
     * @return the command lines to add to {@code grid}'s
     */
    public static List<CommandLine> commandLines(InputStream in, PrintStream out, PrintStream err) {
        CommandLine export = new CommandLine(new ExportCommand(err));
        export.addSubcommand(new ExportMapCommand(out, err));
        export.addSubcommand(new ExportTopicCommand(out, err));
        return List.of(export, new CommandLine(new SqlCommand(in, out, err)));
    }
}
