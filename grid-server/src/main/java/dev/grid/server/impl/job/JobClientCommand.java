package dev.grid.server.impl.job;

import com.hazelcast.jet.JetService;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.server.impl.ConfigOption;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What every {@code grid job} command does around its own work, as the log's commands do: checks what needs no
 * cluster first, connects a client to the cluster the {@code --config} file describes, and turns an error into one line
 * on standard error that names the command (exit code 1; 2 for bad arguments or a bad configuration), with the stack
 * trace only under {@code --verbose}.
 */
abstract class JobClientCommand implements Callable<Integer> {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    final PrintStream out;
    final PrintStream err;
    @Spec
    CommandSpec spec;
    @Mixin
    private ConfigOption configOption = new ConfigOption();
    @Option(names = "--verbose", description = "on an error, print its stack trace too")
    boolean verbose;

    JobClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Checks the arguments that need no cluster.
     *
     * @throws BadJobArgument naming the argument and its value
     */
    void prepare() {
    }

    /** @return the exit code, once connected */
    abstract int run(Grid grid, JetService jet);

    @Override
    public final Integer call() {
        GridClientConfig client;
        try {
            GridConfig member = configOption.load().config();
            prepare();
            client = GridClientConfig.forCluster(member).setConnectTimeout(CONNECT_TIMEOUT);
        } catch (GridConfigException | BadJobArgument e) {
            return fail(e, GridCommand.USAGE);
        }
        try (Grid grid = Grid.client(client)) {
            return run(grid, grid.hazelcast().getJet());
        } catch (GridConfigException | BadJobArgument e) {
            return fail(e, GridCommand.USAGE);
        } catch (RuntimeException e) {
            return fail(e, GridCommand.FAILED);
        }
    }

    /** Prints the error, named after the command, and returns the exit code. */
    int fail(Throwable error, int code) {
        Throwable cause = unwrap(error);
        boolean ours = cause instanceof GridException || cause instanceof GridConfigException || cause instanceof BadJobArgument;
        err.println(spec.qualifiedName() + ": " + (ours && cause.getMessage() != null ? cause.getMessage() : JetErrors.describe(cause))
                + (ours || verbose ? "" : " (--verbose prints where)"));
        if (verbose) {
            error.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A bad argument found before or after connecting (a missing jar, an unknown job): exit code 2. */
    static final class BadJobArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadJobArgument(String message) {
            super(message);
        }
    }
}
