package dev.grid.server.impl.job;

import dev.grid.server.impl.GridCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code grid job}: the commands that run and manage the cluster's Jet jobs. */
@Command(name = "job", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        header = "submit a jar's Jet jobs; list, cancel, suspend, resume and restart the cluster's jobs",
        description = {
                "Runs and manages Hazelcast Jet jobs as a client of the cluster the --config file describes (its clusterName, "
                        + "network.members and security.secret, or the GRID_SECRET environment variable), as 'grid partitions' does. "
                        + "The members must run Jet (grid.jetEnabled) and accept uploaded jars (grid.jetResourceUploadEnabled, on by default).",
                "",
                "  grid job submit pipeline.jar --name orders-per-minute -- --window 60",
                "  grid job list",
                "  grid job suspend orders-per-minute",
                "  grid job resume orders-per-minute",
                "  grid job restart orders-per-minute",
                "  grid job cancel 0a1b-2c3d-4e5f-6789"})
public final class JobCommand implements Callable<Integer> {
    private final PrintStream err;
    @Spec
    private CommandSpec spec;

    private JobCommand(PrintStream err) {
        this.err = err;
    }

    /**
     * @param out where results go
     * @param err where errors go
     * @return {@code grid job} with its subcommands
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine job = new CommandLine(new JobCommand(err));
        for (Object command : List.of(new JobSubmitCommand(out, err), new JobListCommand(out, err), new JobActionCommand.Cancel(out, err),
                new JobActionCommand.Suspend(out, err), new JobActionCommand.Resume(out, err), new JobActionCommand.Restart(out, err))) {
            job.addSubcommand(command);
        }
        return job;
    }

    /** {@code grid job} without a command: the usage, as bad input. */
    @Override
    public Integer call() {
        err.print(spec.commandLine().getUsageMessage());
        return GridCommand.USAGE;
    }
}
