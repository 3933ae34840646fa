package dev.grid.server.impl.chaos;

import dev.grid.server.GridCommand;
import dev.grid.server.impl.Command;
import dev.grid.server.impl.CommandLine;
import dev.grid.server.impl.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code grid chaos}: kills {@code grid start} members with SIGKILL under client load and checks
 * that no acknowledged write was lost. See {@link KillLoop}.
 */
public final class ChaosCommand implements Command {
    private static final String KILLS = "--kills";
    private static final String FAULTS = "--faults";
    private static final String MEMBERS = "--members";
    private static final String WRITERS = "--writers";
    private static final String KEYS = "--keys";
    private static final String IN_FLIGHT = "--in-flight";
    private static final String RATE = "--rate";
    private static final String PARTITIONS = "--partitions";
    private static final String DIR = "--dir";
    private static final String SEED = "--seed";
    private static final String MEMBER_HEAP = "--member-heap";
    private static final String MUTANT = "--unsafe-indeterminate-as-success";
    /** Writes per second by default: steady load that leaves a 2-core machine room to restart members. */
    static final int DEFAULT_RATE = 4_000;

    @Override
    public String name() {
        return "chaos";
    }

    @Override
    public String summary() {
        return "kill members with SIGKILL under client writes; check no acknowledged write is lost";
    }

    @Override
    public String usage() {
        return "usage: grid chaos [--kills N] [--faults LIST] [--members N] [--writers N] [--keys N] [--in-flight N]\n"
                + "                  [--rate N] [--partitions N] [--member-heap SIZE] [--dir DIR] [--seed N]\n"
                + "                  [" + MUTANT + "]\n\n"
                + "Starts N 'grid start' member processes (each on a loopback address of its own, 127.x.y.10 and up, a\n"
                + "random cluster name, backupCount 1),\n"
                + "measures a client's first use of a fresh GridMap, then keeps client threads writing increasing\n"
                + "sequence numbers while it kills one member at a time. After each kill it waits until the\n"
                + "survivors report every partition safe, reads every key back (each must hold at least its highest\n"
                + "acknowledged sequence), restarts the member and waits until all are safe again. Prints one line per\n"
                + "kill, then totals and a histogram of the writers' stall after a kill.\n"
                + "Exits 0 when no acknowledged write was lost, 1 otherwise.\n\n"
                + "  --kills N          members killed, one at a time (default 10)\n"
                + "  --faults LIST      how, in turn: kill (SIGKILL), cut-kill (the member's packets to the other members\n"
                + "                     dropped for " + ChaosFault.CUT_MILLIS + " ms while clients still reach it, then SIGKILL; needs root\n"
                + "                     and tc). Default: kill,cut-kill where links can be cut, else kill\n"
                + "  --members N        member processes (default 3)\n"
                + "  --writers N        client writer threads (default 4)\n"
                + "  --keys N           keys written (default 5000)\n"
                + "  --in-flight N      asynchronous writes each writer keeps outstanding (default 8)\n"
                + "  --rate N           writes per second, all writers together; 0: as fast as the members answer\n"
                + "                     (default " + DEFAULT_RATE + ", which leaves a small machine room to restart members)\n"
                + "  --partitions N     partition count (default 71)\n"
                + "  --member-heap SIZE each member's -Xmx (default 384m)\n"
                + "  --dir DIR          member configurations, data and logs (default: a new temporary directory)\n"
                + "  --seed N           seeds the choice of the member to kill (default: random)\n"
                + "  " + MUTANT + "\n"
                + "                     the mutant: members and client report a write whose backup acknowledgement\n"
                + "                     was lost as a success (Hazelcast's default); acknowledged writes can be lost\n";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of(KILLS, FAULTS, MEMBERS, WRITERS, KEYS, IN_FLIGHT, RATE, PARTITIONS, DIR, SEED, MEMBER_HEAP);
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of(MUTANT);
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) {
        ChaosSettings settings;
        try {
            settings = new ChaosSettings(number(line, KILLS, 10), faults(line, out), number(line, MEMBERS, 3), number(line, WRITERS, 4),
                    number(line, KEYS, 5000), number(line, IN_FLIGHT, 8), number(line, RATE, DEFAULT_RATE), number(line, PARTITIONS, 71),
                    memberJvmOptions(line.value(MEMBER_HEAP).orElse("384m")), directory(line), line.flag(MUTANT),
                    line.value(SEED).map(seed -> parse(SEED, seed)).orElse(System.nanoTime()), Duration.ofMinutes(3));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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
    private static List<ChaosFault> faults(CommandLine line, PrintStream out) {
        String reason = LoopbackCut.unavailableReason();
        if (line.value(FAULTS).isPresent()) {
            List<ChaosFault> faults = ChaosFault.parse(line.value(FAULTS).get());
            if (reason != null && faults.stream().anyMatch(ChaosFault::cutsLinks)) {
                throw new IllegalArgumentException(FAULTS + " " + ChaosFault.CUT_KILL.option() + " cannot run here: " + reason);
            }
            return faults;
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

    private static Path directory(CommandLine line) {
        try {
            if (line.value(DIR).isPresent()) {
                return Files.createDirectories(Path.of(line.value(DIR).get())).toAbsolutePath();
            }
            return Files.createTempDirectory("grid-chaos-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the chaos directory: " + e.getMessage(), e);
        }
    }

    private static int number(CommandLine line, String option, int defaultValue) {
        return line.value(option).map(value -> (int) parse(option, value)).orElse(defaultValue);
    }

    private static long parse(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }
}
