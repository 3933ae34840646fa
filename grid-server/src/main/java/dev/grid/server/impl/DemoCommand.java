package dev.grid.server.impl;

import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.core.GridConfig;
import dev.grid.core.GridException;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.impl.FreePorts;
import dev.grid.server.GridCommand;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code grid demo}: the main job on an embedded default. Starts three members in this JVM and a
 * client, writes entries through the client, terminates a member without warning, and verifies that
 * every acknowledged entry is still readable.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "start 3 members and a client in this JVM, kill a member, verify no acknowledged write is lost",
        description = {
                "The main job on an embedded default: starts a 3-member cluster in this JVM (127.0.0.1, free ports, a random cluster "
                        + "name) and a client, writes N entries to a GridMap through the client (backupCount 1), terminates one member "
                        + "without warning, and verifies every acknowledged entry is still readable.",
                "",
                "Exits 0 when every entry was verified, 1 with the reason otherwise."})
public final class DemoCommand implements Callable<Integer> {
    static final int MEMBERS = 3;
    static final int MAX_ENTRIES = 10_000_000;
    private static final Duration STABLE_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    @Spec
    private CommandSpec spec;
    @Option(names = "--entries", paramLabel = "N", defaultValue = "5000",
            description = "entries to write, 1.." + MAX_ENTRIES + " (default ${DEFAULT-VALUE})")
    private int entries;

    /**
     * @param out where the demo's lines go
     * @param err where errors go
     */
    public DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        new OptionCheck(spec).between("--entries", entries, 1, MAX_ENTRIES);
        List<Grid> members = new ArrayList<>();
        try {
            return runDemo(entries, members, out, err);
        } catch (GridException | IllegalStateException e) {
            err.println("grid demo: FAILED: " + e.getMessage());
            return GridCommand.FAILED;
        } finally {
            members.forEach(Grid::close);
        }
    }

    private int runDemo(int entries, List<Grid> members, PrintStream out, PrintStream err) {
        // Terminating a member is the point of the demo: keep Hazelcast's warnings about it off the screen.
        System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast", "error");
        String clusterName = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(MEMBERS);
        List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toList());
        out.println("grid demo: starting " + MEMBERS + " members of cluster '" + clusterName + "' in this JVM");
        for (int port : ports) {
            GridConfig config = new GridConfig().setClusterName(clusterName).setBackupCount(1)
                    .setHazelcastProperty("hazelcast.wait.seconds.before.join", "0");
            config.getNetwork().setPort(port).setPortAutoIncrement(false).setMembers(addresses);
            members.add(Grid.embedded(config));
        }
        Grid observer = members.get(0);
        awaitStable(observer, MEMBERS);
        out.println("  members: " + observer.members().stream().map(GridMember::address).collect(Collectors.joining(", ")));
        out.println("  partition distribution (backupCount 1):");
        out.print(PartitionReport.format(observer.partitions().distribution(), "    "));

        GridClientConfig clientConfig = new GridClientConfig().setClusterName(clusterName).setAddresses(addresses);
        try (Grid client = Grid.client(clientConfig)) {
            out.println("  client connected to " + client.members().size() + " members");
            GridMap<Integer, String> map = client.map("demo");
            long started = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                map.set(i, value(i));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("  wrote %d entries to GridMap 'demo' (off-heap) through the client in %.2f s (%.0f writes/s), "
                            + "each acknowledged after its backup%n",
                    entries, seconds, entries / seconds);

            Grid victim = members.get(1);
            GridMember victimMember = victim.localMember().orElseThrow();
            int victimOwned = observer.partitions().distribution().ownedCounts().getOrDefault(victimMember, 0);
            victim.hazelcast().getLifecycleService().terminate();
            long killed = System.nanoTime();
            out.printf("  terminated member %s without warning (it owned %d partitions)%n", victimMember.address(), victimOwned);
            awaitStable(observer, MEMBERS - 1);
            out.printf("  cluster safe again after %.2f s; partition distribution now:%n", (System.nanoTime() - killed) / 1e9);
            out.print(PartitionReport.format(observer.partitions().distribution(), "    "));

            int verified = 0;
            List<Integer> lost = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                if (value(i).equals(map.get(i))) {
                    verified++;
                } else if (lost.size() < 10) {
                    lost.add(i);
                }
            }
            long stored = 0;
            for (Grid member : members) {
                if (member.isRunning()) {
                    stored += member.<Integer, String>map("demo").localStats().primaryEntries();
                }
            }
            out.printf("  verified %d of %d acknowledged entries through the client after the member died "
                    + "(the 2 survivors own %d entries off-heap)%n", verified, entries, stored);
            if (verified != entries) {
                err.println("grid demo: FAILED: " + (entries - verified) + " acknowledged entries were lost or wrong, first keys: " + lost);
                return GridCommand.FAILED;
            }
        }
        out.println("grid demo: OK, no acknowledged entry lost");
        return GridCommand.OK;
    }

    private static String value(int i) {
        return "value-" + i;
    }

    private static void awaitStable(Grid observer, int memberCount) {
        boolean stable = Await.until(STABLE_TIMEOUT, () -> observer.members().size() == memberCount
                && observer.hazelcast().getPartitionService().isClusterSafe()
                && observer.partitions().distribution().unassigned() == 0);
        if (!stable) {
            throw new IllegalStateException("the cluster did not settle with " + memberCount + " members within "
                    + STABLE_TIMEOUT.toSeconds() + " s (members now: " + observer.members() + ")");
        }
    }
}
