package dev.grid.server.impl.log;

import dev.grid.core.GridException;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.StructureNames;
import dev.grid.log.GridLog;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.ConfigOption;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What every log command does around its own work: checks its options before connecting, connects to the cluster
 * the {@code --config} file describes as {@code grid partitions} does, and turns an error into one line on standard
 * error that names the command (exit code 1; 2 for a bad configuration), with the stack trace only under
 * {@code --verbose}.
 */
abstract class LogClientCommand implements Callable<Integer> {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Ctrl-C is the command's to handle (close the consumer, send what the producer holds), not the client's. */
    static final String CLIENT_SHUTDOWN_HOOK = "hazelcast.client.shutdownhook.enabled";

    final LogCli cli;
    @Spec
    CommandSpec spec;
    @Mixin
    private ConfigOption configOption = new ConfigOption();
    @Option(names = "--verbose", description = "on an error, print its stack trace too")
    boolean verbose;

    LogClientCommand(LogCli cli) {
        this.cli = cli;
    }

    /**
     * Checks the options that need no cluster and prepares what {@link #run} needs.
     *
     * @param member the member configuration {@code --config} names (its {@code grid.log} defaults apply)
     * @throws ParameterException naming the option and the value
     */
    void prepare(GridConfig member) {
    }

    /** @return the exit code, once connected */
    abstract int run(GridLog log);

    @Override
    public final Integer call() {
        GridClientConfig client;
        try {
            GridConfig member = configOption.load().config();
            prepare(member);
            client = GridClientConfig.forCluster(member).setConnectTimeout(CONNECT_TIMEOUT).setHazelcastProperty(CLIENT_SHUTDOWN_HOOK, "false");
        } catch (GridConfigException e) {
            return fail(e, GridCommand.USAGE);
        }
        try (LogConnector.Session session = cli.connector().connect(client)) {
            return run(session.log());
        } catch (ParameterException e) {
            throw e;
        } catch (GridConfigException e) {
            return fail(e, GridCommand.USAGE);
        } catch (RuntimeException e) {
            return fail(e, GridCommand.FAILED);
        }
    }

    /** Prints the error, named after the command, and returns the exit code. */
    int fail(Throwable error, int code) {
        Throwable cause = unwrap(error);
        boolean grids = cause instanceof GridException || cause instanceof GridConfigException;
        cli.err().println(spec.qualifiedName() + ": " + (grids && cause.getMessage() != null ? cause.getMessage() : cause.toString())
                + (grids || verbose ? "" : " (--verbose prints where)"));
        if (verbose) {
            error.printStackTrace(cli.err());
        }
        cli.err().flush();
        return code;
    }

    /** @return the error a future or a log call wrapped, as the member threw it */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** @return the name, if it is a valid topic name */
    String topicName(String name) {
        return checkName("topic name", name);
    }

    /** @return the name, if it is a valid consumer group name */
    String groupName(String name) {
        return checkName("consumer group name", name);
    }

    private String checkName(String what, String name) {
        String problem = StructureNames.problem(what, name);
        if (problem != null) {
            throw check().error(problem);
        }
        return name;
    }

    OptionCheck check() {
        return new OptionCheck(spec);
    }
}
