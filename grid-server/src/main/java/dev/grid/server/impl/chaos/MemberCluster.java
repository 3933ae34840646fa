package dev.grid.server.impl.chaos;

import dev.grid.core.spi.FreePorts;
import dev.grid.core.spi.JvmFlags;
import dev.grid.server.impl.GridCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The {@code grid start} member processes of one chaos run, one per slot. A slot keeps its address,
 * configuration file and data directory across restarts, as a member restarted by a service manager
 * would. Every member's configuration lists every slot's address (tcp-ip join). Each member has a
 * loopback address of its own ({@code 127.x.y.10}, {@code 127.x.y.11}, ..., one random {@code x.y}
 * per run) and connects to the others from it, while clients connect from 127.0.0.1: so the links
 * between members can be cut without cutting the clients off ({@link LoopbackCut}).
 */
final class MemberCluster implements AutoCloseable {
    /** What a {@code grid start} member prints once every partition's replicas are in sync. */
    static final String SAFE = "partitions safe:";
    private static final String UNSAFE = "partitions not safe:";

    private final ChaosSettings settings;
    private final String clusterName;
    private final List<String> hosts;
    private final List<Integer> ports;
    private final MemberProcess[] slots;
    private final int[] starts;
    private final List<String> capturedMaps;

    MemberCluster(ChaosSettings settings, String clusterName) {
        this(settings, clusterName, List.of());
    }

    /** @param capturedMaps GridMaps configured with change capture on ({@code grid.maps.<name>.changeCapture: true}) */
    MemberCluster(ChaosSettings settings, String clusterName, List<String> capturedMaps) {
        this.settings = settings;
        this.capturedMaps = List.copyOf(capturedMaps);
        this.clusterName = clusterName;
        this.ports = FreePorts.loopback(settings.members());
        int x = 1 + ThreadLocalRandom.current().nextInt(250);
        int y = 1 + ThreadLocalRandom.current().nextInt(250);
        this.hosts = IntStream.range(0, settings.members()).mapToObj(slot -> "127." + x + "." + y + "." + (10 + slot)).toList();
        this.slots = new MemberProcess[settings.members()];
        this.starts = new int[settings.members()];
        for (int slot = 0; slot < settings.members(); slot++) {
            writeConfig(slot);
        }
    }

    String clusterName() {
        return clusterName;
    }

    /** @return every slot's address, {@code host:port} */
    List<String> addresses() {
        return IntStream.range(0, ports.size()).mapToObj(slot -> hosts.get(slot) + ":" + ports.get(slot)).toList();
    }

    /** @return the slot's host address */
    String host(int slot) {
        return hosts.get(slot);
    }

    /** @return every other slot's host address */
    List<String> otherHosts(int slot) {
        return IntStream.range(0, hosts.size()).filter(other -> other != slot).mapToObj(hosts::get).toList();
    }

    int size() {
        return slots.length;
    }

    /** Starts the first member alone (it becomes the master), then the others together. */
    void startAll() {
        start(0);
        await(Duration.ofSeconds(60), () -> slots[0].lastLineStartingWith(SAFE) != null, "member 0 to start");
        for (int slot = 1; slot < slots.length; slot++) {
            start(slot);
        }
    }

    /** Starts (or restarts) the member of a slot. */
    void start(int slot) {
        if (slots[slot] != null && slots[slot].isAlive()) {
            throw new IllegalStateException("member " + slots[slot] + " still runs");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.memberJvmOptions());
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GridCommand.class.getName());
        command.add("start");
        command.add("--config");
        command.add(configFile(slot).toString());
        slots[slot] = MemberProcess.start(command, settings.directory().resolve("logs"), "member-" + slot + "-start-" + ++starts[slot]);
    }

    /** Sends SIGKILL to a slot's member and waits until its process is gone. */
    MemberProcess kill(int slot) {
        MemberProcess victim = slots[slot];
        victim.kill();
        return victim;
    }

    /** @return the slots whose member runs */
    List<Integer> liveSlots() {
        List<Integer> live = new ArrayList<>();
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] != null && slots[slot].isAlive()) {
                live.add(slot);
            }
        }
        return live;
    }

    String describe(int slot) {
        return addresses().get(slot) + " " + slots[slot];
    }

    /**
     * Waits until every live member's latest report says the partitions are safe with exactly
     * {@code members} members, twice in a row half a second apart.
     */
    void awaitSafe(int members, Duration timeout) {
        String expected = "across " + members + " members";
        BooleanSupplier safe = () -> {
            List<Integer> live = liveSlots();
            return live.size() == members && live.stream().allMatch(slot -> {
                String last = slots[slot].lastLineStartingWith(SAFE, UNSAFE);
                return last != null && last.startsWith(SAFE) && last.endsWith(expected);
            });
        };
        await(timeout, () -> safe.getAsBoolean() && pause(500) && safe.getAsBoolean(),
                "the " + members + " members to report their partitions safe");
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; members: " + describeAll() + "; logs in " + settings.directory().resolve("logs"));
            }
            if (!pause(100)) {
                throw new IllegalStateException("interrupted while waiting for " + what);
            }
        }
    }

    private String describeAll() {
        List<String> described = new ArrayList<>();
        for (int slot = 0; slot < slots.length; slot++) {
            MemberProcess member = slots[slot];
            described.add(member == null ? "slot " + slot + " not started"
                    : member + (member.isAlive() ? " says '" + member.lastLineStartingWith(SAFE, UNSAFE) + "'" : " dead"));
        }
        return String.join("; ", described);
    }

    private Path configFile(int slot) {
        return settings.directory().resolve("member-" + slot + ".yaml");
    }

    private void writeConfig(int slot) {
        String members = addresses().stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        StringBuilder yaml = new StringBuilder()
                .append("grid:\n")
                .append("  clusterName: ").append(clusterName).append('\n')
                .append("  partitionCount: ").append(settings.partitions()).append('\n')
                .append("  backupCount: 1\n")
                .append("  dataDirectory: \"").append(settings.directory().resolve("member-" + slot + "-data")).append("\"\n")
                .append("  network:\n")
                .append("    host: ").append(hosts.get(slot)).append('\n')
                .append("    port: ").append(ports.get(slot)).append('\n')
                .append("    portAutoIncrement: false\n")
                .append("    members: [").append(members).append("]\n")
                // sized for one entry: every store starts at the 128-entry floor and grows while the client writes,
                // so acknowledged writes are checked across growths (and migrations into growing stores) too
                .append("  maps:\n")
                .append("    ").append(KillLoop.MAP).append(":\n")
                .append("      entries: 1\n");
        for (String map : capturedMaps) {
            yaml.append("    ").append(map).append(":\n")
                    .append("      changeCapture: true\n");
        }
        yaml
                .append("  monitor:\n")
                .append("    enabled: false\n")
                // a member that did not find the others in time (a loaded machine) forms a cluster of its own: merge
                // it within seconds, not Hazelcast's default 5 minutes, which outlasts every wait of a kill loop
                .append("  hazelcastProperties:\n")
                .append("    hazelcast.merge.first.run.delay.seconds: 10\n")
                .append("    hazelcast.merge.next.run.delay.seconds: 10\n");
        if (settings.indeterminateAsSuccess()) {
            yaml.append("    ").append(Indeterminate.MEMBER_PROPERTY).append(": false\n");
        }
        try {
            Files.createDirectories(settings.directory());
            Files.writeString(configFile(slot), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile(slot), e);
        }
    }

    /**
     * Kills every member, also when one of them does not exit in time (a starved machine): the others are still sent
     * SIGKILL, and the first failure is thrown afterwards.
     */
    @Override
    public void close() {
        RuntimeException first = null;
        for (MemberProcess member : slots) {
            if (member != null) {
                try {
                    member.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
