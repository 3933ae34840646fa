package dev.grid.server.impl;

import dev.grid.core.GridConfigException;
import dev.grid.monitor.MemberCounters;
import dev.grid.server.GridCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code grid stat}: the live counters of the members running on this machine, read from their
 * counters files (memory-mapped, written by their monitors) without any network; refreshed every
 * second like {@code top}, or printed once.
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
        header = "show the live counters of the members on this machine (no network), like top",
        description = {
                "Reads the counters files that running members' monitors keep in their data directory and prints every counter with "
                        + "its rate per second, refreshed every second (Ctrl-C quits). Needs no network: it works while the cluster is "
                        + "unreachable, and costs the members nothing.",
                "",
                "--config names a member's grid.yaml for its grid.dataDirectory; --dir names the directory itself."})
public final class StatCommand implements Callable<Integer> {
    private static final long REFRESH_MILLIS = 1000;

    private final PrintStream out;
    private final PrintStream err;
    @Option(names = "--dir", paramLabel = "DIR",
            description = "the members' grid.dataDirectory (default: the one in the config, else ./grid-data)")
    private Path directory;
    @Mixin
    private ConfigOption configOption = new ConfigOption();
    @Option(names = "--once", description = "print one snapshot and exit (exit 1 if no running member keeps counters there)")
    private boolean once;

    /**
     * @param out where the counters go
     * @param err where errors go
     */
    public StatCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Path dir;
        try {
            dir = directory != null ? directory : configOption.load().config().getDataDirectory();
        } catch (GridConfigException e) {
            err.println("grid stat: " + e.getMessage());
            return GridCommand.USAGE;
        }
        boolean console = System.console() != null && !once;
        Map<Path, Map<String, Long>> previous = new HashMap<>();
        long previousAt = 0;
        while (true) {
            List<MemberCounters> members;
            try {
                members = MemberCounters.readAll(dir);
            } catch (IOException e) {
                err.println("grid stat: cannot read " + dir.toAbsolutePath() + ": " + e.getMessage());
                return GridCommand.FAILED;
            }
            long now = System.currentTimeMillis();
            StringBuilder screen = new StringBuilder();
            if (console) {
                screen.append("\033[H\033[2J");
            }
            screen.append("grid stat  ").append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)).append("  ").append(dir.toAbsolutePath())
                    .append(once ? "" : "  (every 1 s, Ctrl-C quits)").append('\n');
            long live = members.stream().filter(MemberCounters::live).count();
            if (live == 0) {
                screen.append("no running member keeps counters in ").append(dir.toAbsolutePath())
                        .append(" (is its monitor on? grid.monitor.enabled, grid.dataDirectory)\n");
            }
            double seconds = previousAt == 0 ? 0 : (now - previousAt) / 1000.0;
            for (MemberCounters member : members) {
                if (!member.live()) {
                    continue;
                }
                screen.append('\n').append(member.description()).append("  pid ").append(member.pid()).append("  up ")
                        .append(duration(now - member.startMillis())).append('\n');
                screen.append(String.format("  %-72s %16s %12s%n", "counter", "value", seconds > 0 ? "per second" : ""));
                Map<String, Long> before = previous.get(member.file());
                for (Map.Entry<String, Long> counter : new TreeMap<>(member.values()).entrySet()) {
                    String rate = "";
                    if (seconds > 0 && before != null && before.containsKey(counter.getKey()) && counter.getKey().contains("_total")) {
                        rate = String.format("%.1f", (counter.getValue() - before.get(counter.getKey())) / seconds);
                    }
                    screen.append(String.format("  %-72s %16d %12s%n", counter.getKey(), counter.getValue(), rate));
                }
                previous.put(member.file(), member.values());
            }
            out.print(screen);
            out.flush();
            previousAt = now;
            if (once) {
                return live > 0 ? GridCommand.OK : GridCommand.FAILED;
            }
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return GridCommand.OK;
            }
        }
    }

    private static String duration(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}
