package dev.grid.server.impl.chaos;

import dev.grid.server.GridCommand;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid chaos}: kills {@code grid start} members with SIGKILL under client load and checks
 * that no acknowledged write was lost. See {@link KillLoop}.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        header = "kill members with SIGKILL under client writes; check no acknowledged write is lost",
        description = {
                "Starts N 'grid start' member processes (each on a loopback address of its own, 127.x.y.10 and up, a random cluster "
                        + "name, backupCount 1), measures a client's first use of a fresh GridMap, then keeps client threads writing "
                        + "increasing sequence numbers while it kills one member at a time. After each kill it waits until the survivors "
                        + "report every partition safe, reads every key back (each must hold at least its highest acknowledged "
                        + "sequence), restarts the member and waits until all are safe again. Prints one line per kill, then totals and "
                        + "a histogram of the writers' stall after a kill.",
                "",
                "Exits 0 when no acknowledged write was lost, 1 otherwise."})
public final class ChaosCommand implements Callable<Integer> {
    private static final String FAULTS = "--faults";
    private static final String MEMBER_HEAP = "--member-heap";
    /** Writes per second by default: steady load that leaves a 2-core machine room to restart members. */
    static final int DEFAULT_RATE = 4_000;

    private final PrintStream out;
    private final PrintStream err;
    @Spec
    private CommandSpec spec;
    @Option(names = "--kills", paramLabel = "N", defaultValue = "10", description = "members killed, one at a time (default ${DEFAULT-VALUE})")
    private int kills;
    @Option(names = FAULTS, paramLabel = "LIST",
            description = "how, in turn: kill (SIGKILL), cut-kill (the member's packets to the other members dropped for "
                    + ChaosFault.CUT_MILLIS + " ms while clients still reach it, then SIGKILL; needs root and tc). "
                    + "Default: kill,cut-kill where links can be cut, else kill")
    private String faults;
    @Option(names = "--members", paramLabel = "N", defaultValue = "3", description = "member processes (default ${DEFAULT-VALUE})")
    private int members;
    @Option(names = "--writers", paramLabel = "N", defaultValue = "4", description = "client writer threads (default ${DEFAULT-VALUE})")
    private int writers;
    @Option(names = "--keys", paramLabel = "N", defaultValue = "5000", description = "keys written (default ${DEFAULT-VALUE})")
    private int keys;
    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "8",
            description = "asynchronous writes each writer keeps outstanding (default ${DEFAULT-VALUE})")
    private int inFlight;
    @Option(names = "--rate", paramLabel = "N", defaultValue = "" + DEFAULT_RATE,
            description = "writes per second, all writers together; 0: as fast as the members answer (default ${DEFAULT-VALUE}, "
                    + "which leaves a small machine room to restart members)")
    private int rate;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "71", description = "partition count (default ${DEFAULT-VALUE})")
    private int partitions;
    @Option(names = MEMBER_HEAP, paramLabel = "SIZE", defaultValue = "384m", description = "each member's -Xmx (default ${DEFAULT-VALUE})")
    private String memberHeap;
    @Option(names = "--dir", paramLabel = "DIR", description = "member configurations, data and logs (default: a new temporary directory)")
    private Path dir;
    @Option(names = "--seed", paramLabel = "N", description = "seeds the choice of the member to kill (default: random)")
    private Long seed;
    @Option(names = "--unsafe-indeterminate-as-success",
            description = "the mutant: members and client report a write whose backup acknowledgement was lost as a success "
                    + "(Hazelcast's default); acknowledged writes can be lost")
    private boolean mutant;

    /**
     * @param out where the rounds and the summary go
     * @param err where errors go
     */
    public ChaosCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ChaosSettings settings;
        try {
            settings = new ChaosSettings(kills, faults(), members, writers, keys, inFlight, rate, partitions, memberJvmOptions(memberHeap),
                    directory(), mutant, seed != null ? seed : System.nanoTime(), Duration.ofMinutes(3));
        } catch (IllegalArgumentException e) {
            throw new OptionCheck(spec).error(e.getMessage());
        }
        try {
            ChaosReport report = new KillLoop(settings, out).run();
            ChaosSummary.print(report, out);
            return report.ok() ? GridCommand.OK : GridCommand.FAILED;
        } catch (RuntimeException e) {
            err.println("grid chaos: " + e.getMessage());
            return GridCommand.FAILED;
        }
    }

    /** The faults asked for, or both kinds when links can be cut here, else plain kills (saying why). */
    private List<ChaosFault> faults() {
        String reason = LoopbackCut.unavailableReason();
        if (faults != null) {
            List<ChaosFault> chosen = ChaosFault.parse(faults);
            if (reason != null && chosen.stream().anyMatch(ChaosFault::cutsLinks)) {
                throw new IllegalArgumentException(FAULTS + " " + ChaosFault.CUT_KILL.option() + " cannot run here: " + reason);
            }
            return chosen;
        }
        if (reason != null) {
            out.println("chaos: only plain kills (" + reason + ")");
            return List.of(ChaosFault.KILL);
        }
        return List.of(ChaosFault.KILL, ChaosFault.CUT_KILL);
    }

    /** Members run C1-compiled only: several JVMs share the machine with the writers. */
    public static List<String> memberJvmOptions(String heap) {
        if (!heap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException(MEMBER_HEAP + " must be a size such as 384m or 1g, was '" + heap + "'");
        }
        return List.of("-Xmx" + heap, "-XX:TieredStopAtLevel=1");
    }

    private Path directory() {
        try {
            if (dir != null) {
                return Files.createDirectories(dir).toAbsolutePath();
            }
            return Files.createTempDirectory("grid-chaos-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the chaos directory: " + e.getMessage(), e);
        }
    }
}
