package dev.grid.server.impl;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.GridMember;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridSecurityConfig;
import dev.grid.core.config.Secrets;
import dev.grid.log.GridLog;
import dev.grid.monitor.GridMonitor;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code grid start}: a standalone member in the foreground. Prints its address and the members as
 * they change; leaves the cluster gracefully on Ctrl-C or SIGTERM.
 */
@Command(name = "start", mixinStandardHelpOptions = true, header = "run a standalone member in the foreground (Ctrl-C stops it)",
        description = {
                "Runs a grid member in the foreground until Ctrl-C or SIGTERM, then leaves the cluster gracefully (its partitions "
                        + "move to the other members first).",
                "",
                "The ./grid launcher starts the member's JVM with the heap bound grid.jvm.heap (default 1g); an -Xmx in GRID_JAVA_OPTS "
                        + "overrides it.",
                "",
                "Members and clients must share grid.security.secret, or the GRID_SECRET environment variable, when one is set "
                        + "(docs/security.md); the line 'security:' at start says what the member accepts.",
                "",
                "After members join or leave, the member prints 'partitions not safe: ...' and, once every partition's replicas are "
                        + "in sync again, 'partitions safe: ...': stop or lose the next member only then.",
                "",
                "A member that stops without being asked to (out of heap: Hazelcast then terminates it) ends the command with "
                        + "exit code 1, so that a service manager starts it again.",
                "",
                "The member's monitor (dashboard, /metrics, alerts, counters file for 'grid stat') runs unless grid.monitor.enabled is "
                        + "false; it listens on 127.0.0.1:7070 (or the next free port) by default."})
public final class StartCommand implements Callable<Integer> {
    private static volatile boolean stoppingOnSignal;
    /** Set when the member stopped on its own: the JVM then exits with {@link GridCommand#FAILED}, not through the graceful stop. */
    private static volatile boolean stoppedOnItsOwn;

    private static final long STOP_CHECK_MILLIS = 500;

    private final PrintStream out;
    private final PrintStream err;
    @Mixin
    private ConfigOption configOption = new ConfigOption();

    /**
     * @param out where the member's lines go
     * @param err where errors go
     */
    public StartCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return true once a signal (Ctrl-C, SIGTERM) has started this JVM's shutdown */
    public static boolean isStoppingOnSignal() {
        return stoppingOnSignal;
    }

    /** @return true once a member stopped without being asked to (the JVM then exits with a failure) */
    static boolean stoppedOnItsOwn() {
        return stoppedOnItsOwn;
    }

    /** @return the {@code --config} option, once parsed */
    ConfigOption configOption() {
        return configOption;
    }

    @Override
    public Integer call() {
        ConfigOption.Loaded option;
        try {
            option = configOption.load();
        } catch (GridConfigException e) {
            err.println("grid start: " + e.getMessage());
            return GridCommand.USAGE;
        }
        GridConfig config = option.config();
        out.println("grid start: cluster '" + config.getClusterName() + "', config from " + option.source());
        out.println(HeapReport.line(config.getJvm()));
        try {
            out.println("security: " + securitySummary(config.getSecurity()));
        } catch (GridConfigException e) {
            err.println("grid start: " + e.getMessage());
            return GridCommand.USAGE;
        }
        // This command stops the member itself, gracefully, on a signal.
        System.setProperty("hazelcast.shutdownhook.enabled", "false");
        Grid grid;
        try {
            grid = Grid.embedded(config);
        } catch (GridException | GridConfigException e) {
            err.println("grid start: " + e.getMessage());
            return GridCommand.FAILED;
        }
        GridLog.of(grid); // serves the log's metrics (grid_log_*) with the member's
        if (config.getMonitor().isEnabled()) {
            try {
                GridMonitor monitor = GridMonitor.start(grid);
                out.println("monitor: " + monitor.url().map(url -> url + " (dashboard; Prometheus metrics at " + url + "metrics)")
                        .orElse("no HTTP port free (see the ERROR above); alerts, log and counters still run"));
                out.println("counters: " + monitor.countersFile().toAbsolutePath() + " (grid stat --dir " + config.getDataDirectory() + ")");
            } catch (GridConfigException e) {
                err.println("grid start: " + e.getMessage());
                grid.close();
                return GridCommand.USAGE;
            } catch (RuntimeException e) {
                // the monitor never takes the member down
                err.println("grid start: the member runs without its monitor, which failed to start: " + e);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        grid.hazelcast().getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        GridMember self = grid.localMember().orElseThrow();
        // before the first line that says the member runs: a signal from then on always finds the graceful stop in place
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stoppedOnItsOwn) {
                return; // nothing left to leave: the JVM exits with the failure's code
            }
            stoppingOnSignal = true;
            out.println("grid member " + self.address() + " stopping: leaving the cluster gracefully");
            grid.close();
            out.println("grid member " + self.address() + " stopped");
            out.flush();
            System.err.flush();
            // A clean stop on a signal exits 0, not the JVM's 128+signal, so service managers see success.
            Runtime.getRuntime().halt(GridCommand.OK);
        }, "grid-stop"));
        out.printf("grid member %s started: listening on %s, %d partitions, backupCount %d%n",
                self.id(), self.address(), grid.partitions().count(), config.getBackupCount());
        printMembers(out, grid.members());
        grid.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                out.println("member joined: " + event.getMember().getAddress());
                printMembers(out, grid.members());
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                out.println("member left: " + event.getMember().getAddress());
                printMembers(out, grid.members());
            }
        });
        PartitionSafetyReporter.start(grid.hazelcast(), out);
        try {
            awaitStop(grid, stopped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            grid.close();
        }
        if (stoppingOnSignal) {
            return GridCommand.OK;
        }
        stoppedOnItsOwn = true;
        err.println("grid start: the member shut down without being asked to (see the log above: out of memory, or "
                + "terminated by Hazelcast); this process exits so that whatever supervises it can start it again");
        return GridCommand.FAILED;
    }

    /**
     * Waits until the member stops: a graceful stop fires the lifecycle's SHUTDOWN event; Hazelcast's out-of-memory
     * handler terminates the node without one, so the node's state is checked every {@value #STOP_CHECK_MILLIS} ms too
     * (otherwise the process would live on with no member in it).
     */
    private static void awaitStop(Grid grid, CountDownLatch stopped) throws InterruptedException {
        while (!stopped.await(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!grid.hazelcast().getLifecycleService().isRunning()) {
                return;
            }
        }
    }

    /** One line saying what the member will accept from the network (docs/security.md). */
    static String securitySummary(GridSecurityConfig security) {
        String secret;
        if (!security.getSecret().isEmpty()) {
            secret = "shared secret from grid.security.secret";
        } else if (Secrets.resolve("").isPresent()) {
            secret = "shared secret from " + GridSecurityConfig.SECRET_ENVIRONMENT_VARIABLE;
        } else {
            secret = "NO shared secret (any process reaching this port can join or connect; see docs/security.md)";
        }
        return secret + "; client messages up to " + security.getMaxMessageBytes() + " bytes; Java deserialization "
                + (security.isDeserializationFilter() ? "limited to the allowlist" : "NOT filtered");
    }

    private static void printMembers(PrintStream out, List<GridMember> members) {
        out.println("members (" + members.size() + "): "
                + members.stream().map(m -> m.address() + (m.local() ? " (this member)" : "")).collect(Collectors.joining(", ")));
    }
}
