package dev.grid.server;

import dev.grid.server.impl.Command;
import dev.grid.server.impl.CommandLine;
import dev.grid.server.impl.DemoCommand;
import dev.grid.server.impl.PartitionsCommand;
import dev.grid.server.impl.StartCommand;
import dev.grid.server.impl.StatCommand;
import dev.grid.server.impl.UsageException;
import dev.grid.server.impl.chaos.ChaosCommand;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code grid} command line: {@code grid <command> [options]}. The {@code ./grid} script at the
 * repository root builds grid on first use and runs this class with the JVM flags grid needs.
 *
 * <p>Exit codes: 0 success, 1 failure at run time, 2 bad usage or bad configuration.
 *
 * @since 0.1
 */
public final class GridCommand {
    /** The command ran to completion. */
    public static final int OK = 0;
    /** The command failed at run time; the reason was printed on standard error. */
    public static final int FAILED = 1;
    /** Bad arguments or a bad configuration; the reason was printed on standard error. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public GridCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        for (Command command : List.of(new StartCommand(), new StatCommand(), new DemoCommand(), new PartitionsCommand(),
                new ChaosCommand())) {
            commands.put(command.name(), command);
        }
    }

    public static void main(String[] args) {
        int code = new GridCommand(System.out, System.err).run(args);
        System.out.flush();
        if (!StartCommand.isStoppingOnSignal()) {
            System.exit(code);
        }
    }

    /**
     * @param args the command line, command first
     * @return the exit code
     */
    public int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? USAGE : OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("grid: unknown command '" + args[0] + "'");
            err.print(usage());
            return USAGE;
        }
        try {
            CommandLine line = CommandLine.parse(command, Arrays.asList(args).subList(1, args.length));
            if (line.help()) {
                out.print(command.usage());
                return OK;
            }
            return command.run(line, out, err);
        } catch (UsageException e) {
            err.println("grid " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return USAGE;
        }
    }

    private String usage() {
        StringBuilder text = new StringBuilder("usage: grid <command> [options]\n\ncommands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-12s %s%n", c.name(), c.summary())));
        // dispatched by the grid script to the perf jar (perf depends on this module, not the other way)
        text.append(String.format("  %-12s %s%n", "bench", "benchmarks side by side: YCSB load, locks, transactions, heap, JMH (grid bench --help)"));
        text.append("\n'grid <command> --help' describes a command's options.\n");
        return text.toString();
    }
}
