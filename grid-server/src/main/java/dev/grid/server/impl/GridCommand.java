package dev.grid.server.impl;

import dev.grid.server.cli.CommandLines;
import dev.grid.server.impl.BenchCommand;
import dev.grid.server.impl.CompletionCommand;
import dev.grid.server.impl.DemoCommand;
import dev.grid.server.impl.demo.StreamDemoCommand;
import dev.grid.server.impl.PartitionsCommand;
import dev.grid.server.impl.StartCommand;
import dev.grid.server.impl.StatCommand;
import dev.grid.server.impl.chaos.ChaosCommand;
import dev.grid.server.impl.job.JobCommand;
import dev.grid.server.impl.log.LogCli;
import dev.grid.server.impl.log.LogCommands;
import dev.grid.server.impl.query.QueryCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code grid} command line: {@code grid <command> [options]}. The {@code ./grid} script at the
 * repository root builds grid on first use and runs this class with the JVM flags grid needs.
 *
 * <p>Every option takes {@code --name value} or {@code --name=value}; {@code --help} describes any command,
 * {@code --version} prints the version, {@code grid completion} prints a bash completion script.
 *
 * <p>Exit codes: 0 success, 1 failure at run time, 2 bad usage or bad configuration.
 *
 * @since 0.1
 */
@Command(name = "grid", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        header = "grid: a distributed in-memory data grid for the JVM, on Hazelcast's cluster engine",
        description = "Runs members, inspects a running cluster, manages the log's topics and sends and reads their records, exports maps and topics "
                + "to files and runs SQL over them, submits and manages Jet jobs, and checks and measures it. 'grid COMMAND --help' describes a "
                + "command's options, which take --name value or --name=value.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure at run time (the reason is on standard error)",
                "2:bad arguments or a bad configuration (the message names the option or key and the value)"})
public final class GridCommand implements Callable<Integer> {
    /** The command ran to completion. */
    public static final int OK = 0;
    /** The command failed at run time; the reason was printed on standard error. */
    public static final int FAILED = 1;
    /** Bad arguments or a bad configuration; the reason was printed on standard error. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final LogCli log;
    @Spec
    private CommandSpec spec;

    /** The command line reading standard input ({@code grid produce} does). */
    public GridCommand(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    /** @param in what {@code grid produce} reads */
    public GridCommand(InputStream in, PrintStream out, PrintStream err) {
        this(out, err, LogCli.of(in, out, err));
    }

    /** @param log what the log's commands ({@code topic}, {@code produce}, {@code consume}) run with */
    public GridCommand(PrintStream out, PrintStream err, LogCli log) {
        this.out = out;
        this.err = err;
        this.log = log;
    }

    public static void main(String[] args) {
        int code = new GridCommand(System.in, System.out, System.err).run(args);
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
        CommandLine line = new CommandLine(this);
        CommandLine demo = new CommandLine(new DemoCommand(out, err)).addSubcommand(new StreamDemoCommand(out, err));
        List<Object> commands = new ArrayList<>(List.of(new StartCommand(out, err), new StatCommand(out, err), demo,
                new PartitionsCommand(out, err)));
        commands.addAll(LogCommands.commandLines(log));
        commands.addAll(QueryCommands.commandLines(log.in(), out, err));
        commands.add(JobCommand.commandLine(out, err));
        commands.addAll(List.of(new ChaosCommand(out, err), new BenchCommand(err), new CompletionCommand(out), new HelpCommand()));
        for (Object command : commands) {
            line.addSubcommand(command);
        }
        return CommandLines.configure(line, out, err).execute(args);
    }

    /** {@code grid} without a command: the usage, as bad input. */
    @Override
    public Integer call() {
        err.print(spec.commandLine().getUsageMessage());
        return USAGE;
    }
}
