package dev.grid.server.impl.chaos;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the kill tests of the log and of stream jobs share: three {@code grid start} member processes started and safe
 * (31 partitions, one backup), a client of them, and a kill round: a random member SIGKILLed, started again, and the
 * three safe again. Closing it stops every member process.
 */
final class ThreeMemberKills implements AutoCloseable {
    private final ChaosSettings settings;
    private final MemberCluster members;
    private final String test;

    private ThreeMemberKills(ChaosSettings settings, MemberCluster members, String test) {
        this.settings = settings;
        this.members = members;
        this.test = test;
    }

    /**
     * @param test  the test's name, which starts each line it prints and the cluster's name
     * @param heap  each member's heap ({@code -Xmx})
     * @param seed  seeds the members' configuration (as {@code grid chaos --seed})
     */
    static ThreeMemberKills start(Path dir, String test, String heap, long seed) {
        ChaosSettings settings = new ChaosSettings(1, List.of(ChaosFault.KILL), 3, 1, 100, 1, 0, 31, ChaosCommand.memberJvmOptions(heap), dir,
                false, seed, Duration.ofMinutes(2));
        MemberCluster members = new MemberCluster(settings, test + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            members.startAll();
            members.awaitSafe(3, settings.settleTimeout());
            return new ThreeMemberKills(settings, members, test);
        } catch (RuntimeException | Error e) {
            members.close();
            throw e;
        }
    }

    /** @return a new client of the three members */
    Grid client() {
        return Grid.client(new GridClientConfig().setClusterName(members.clusterName()).setAddresses(members.addresses()));
    }

    /**
     * Kill round {@code kill}: SIGKILLs a random live member, starts it again and waits until the three are safe,
     * printing the victim with {@code state} (read before the kill) and how long it took.
     *
     * @return the milliseconds from the kill until the three were safe again
     */
    long killAndRestart(int kill, Supplier<String> state) {
        List<Integer> live = members.liveSlots();
        int slot = live.get(ThreadLocalRandom.current().nextInt(live.size()));
        System.out.println(test + ": kill " + kill + ": SIGKILL " + members.describe(slot) + " with " + state.get());
        long killed = System.nanoTime();
        members.kill(slot);
        members.start(slot);
        members.awaitSafe(3, settings.settleTimeout());
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        System.out.println(test + ": kill " + kill + ": 3 members safe again after " + took + " ms");
        return took;
    }

    @Override
    public void close() {
        members.close();
    }
}
