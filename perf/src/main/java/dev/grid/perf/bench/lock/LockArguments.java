package dev.grid.perf.bench.lock;

import dev.grid.perf.bench.StopSignal;
import dev.grid.server.cli.DurationConverter;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code grid bench lock}: its options, checked into {@link LockCommand.LockOptions}, and the run ({@link LockCommand}). */
@Command(name = "lock", mixinStandardHelpOptions = true,
        header = "FencedLock lock+unlock pairs/s: grid vs Hazelcast 5.4's CP FencedLock, 3 members each",
        description = {
                "For each target, three members in separate JVMs and a driver JVM (a client of them) that measures lock+unlock "
                        + "pairs/s, uncontended (1 thread) and contended (--threads on the same lock); then the two side by side and "
                        + "their ratio, in a table and lock.json. Hazelcast 5.4.0's jar comes from perf/target/hazelcast-5.4/, put "
                        + "there at build time: nothing is downloaded at run time."})
public final class LockArguments implements Callable<Integer> {
    private final StopSignal stop;
    @Spec
    private CommandSpec spec;
    @Option(names = "--targets", paramLabel = "TARGET[,..]", split = ",", hideParamSyntax = true, defaultValue = LockCommand.GRID + "," + LockCommand.HAZELCAST_54,
            description = "grid and/or hazelcast-5.4 (default ${DEFAULT-VALUE})")
    private List<String> targets;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "threads of the contended phase (default ${DEFAULT-VALUE})")
    private int threads;
    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
            description = "warm-up per phase, may be 0s (default ${DEFAULT-VALUE})")
    private Duration warmup;
    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "measured time per phase, > 0 (default ${DEFAULT-VALUE})")
    private Duration duration;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results/lock",
            description = "where lock.json and the logs go (default ${DEFAULT-VALUE})")
    private Path out;

    /** @param stop the stop signal (Ctrl-C) */
    public LockArguments(StopSignal stop) {
        this.stop = stop;
    }

    /**
     * For {@code bench all}, which runs a lock step of its own.
     *
     * @param args {@code grid bench lock}'s arguments
     * @return the options they give
     * @throws CommandLine.ParameterException naming the first bad option
     */
    public static LockCommand.LockOptions parse(List<String> args) {
        LockArguments arguments = new LockArguments(StopSignal.manual());
        new CommandLine(arguments).parseArgs(args.toArray(new String[0]));
        return arguments.options();
    }

    @Override
    public Integer call() {
        return LockCommand.run(options(), stop);
    }

    LockCommand.LockOptions options() {
        OptionCheck check = new OptionCheck(spec);
        List<String> chosen = new ArrayList<>();
        for (String target : targets) {
            if (!target.equals(LockCommand.GRID) && !target.equals(LockCommand.HAZELCAST_54)) {
                throw check.error("--targets must be grid and/or hazelcast-5.4, was '" + target + "'");
            }
            chosen.add(target);
        }
        return new LockCommand.LockOptions(chosen, (int) check.positive("--threads", threads), check.notNegative("--warmup", warmup),
                check.positive("--duration", duration), out);
    }
}
