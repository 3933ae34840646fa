package dev.grid.server;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.spi.JvmFlags;
import dev.grid.core.test.GridCluster;
import dev.grid.lock.GridLocks;
import dev.grid.lock.test.CpTestSupport;
import dev.grid.lock.test.LockHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fencing scenario of docs/locks.md with a really frozen holder: the holder is a separate JVM
 * (a {@link PausedHolder} client) that takes a FencedLock and writes a GridMap key with its fence,
 * then is stopped with SIGSTOP. Its CP session stops heartbeating and expires after the session TTL;
 * a second holder in this JVM then gets the lock with a higher fence and writes the key. The first
 * holder is resumed with SIGCONT and writes with its stale fence:
 * <ul>
 *   <li>with {@code setFenced} the map rejects the write, and the fenced-write history is correct;</li>
 *   <li>with a plain {@code set} (the storage's fence check switched off, a mutant) the stale write
 *       lands, and {@link FencedWriteHistory} reports it, which shows the checker can fail.</li>
 * </ul>
 * Both holds are also recorded in a {@link LockHistory}, which holds in both runs (the lock itself
 * behaves; only the storage differs). One embedded member with a one-member CP group, session TTL 3 s.
 */
class PausedHolderProcessTest {
    private static final Duration SESSION_TTL = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LOCKED = Pattern.compile("LOCKED (\\d+)");

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(11).configure(config -> config.getCp()
            .setMemberCount(1).setSessionTtl(SESSION_TTL).setSessionHeartbeatInterval(HEARTBEAT));
    private static Grid member;

    @TempDir
    Path dir;

    private Process holder;
    private Path holderOut;
    private Path holderErr;

    @BeforeAll
    static void awaitLeader() {
        member = CLUSTER.member(0);
        CpTestSupport.awaitLeader(List.of(member), TIMEOUT);
    }

    @AfterEach
    void killHolder() throws InterruptedException {
        if (holder != null) {
            holder.destroyForcibly(); // SIGKILL also ends a stopped process
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What one run of the scenario left behind. */
    private record Outcome(String holderOut, long staleFence, long fence, String value,
                           FencedWriteHistory writes, LockHistory holds) {
    }

    private Outcome pausedHolderWritesAfterTakeOver(boolean mutant) throws Exception {
        String lockName = "account-lock-" + UUID.randomUUID();
        String mapName = "accounts-" + UUID.randomUUID();
        GridMap<String, String> map = member.map(mapName);
        FencedLock lock = GridLocks.of(member).get(lockName);
        LockHistory holds = new LockHistory();
        FencedWriteHistory writes = new FencedWriteHistory();

        // 1. the holder JVM takes the lock and writes with its fence
        long holderStart = System.nanoTime();
        startHolder(String.join(",", CLUSTER.configs().memberAddresses()), mapName, lockName, mutant);
        awaitHolderOutput(out -> LOCKED.matcher(out).find());
        long holderAcquired = System.nanoTime();
        Matcher locked = LOCKED.matcher(holderOut());
        assertTrue(locked.find());
        long staleFence = Long.parseLong(locked.group(1));
        // the holder's acquisition happened inside [process start, LOCKED seen]; it never releases
        holds.acquired("holder-1 (pid " + holder.pid() + ")", holderStart, holderAcquired, staleFence);
        writes.write("holder-1", "account", "holder-1", staleFence, true);
        assertEquals("holder-1", map.get("account"));

        // 2. freeze it: its session heartbeats stop
        signal("STOP");
        long stoppedAt = System.nanoTime();

        // 3. a second holder gets the lock once the frozen holder's session expired
        AtomicLong fence = new AtomicLong(FencedLock.INVALID_FENCE);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
            long start = System.nanoTime();
            long acquired = lock.tryLockAndGetFence(500, TimeUnit.MILLISECONDS);
            if (acquired != FencedLock.INVALID_FENCE) {
                holds.acquired("holder-2 (test JVM)", start, System.nanoTime(), acquired);
                fence.set(acquired);
                return true;
            }
            return false;
        });
        long takeOverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
        System.out.printf("PausedHolderProcessTest%s: SIGSTOP -> second holder acquired the lock after %d ms"
                        + " (session TTL %d ms, heartbeat %d ms); fences %d -> %d%n",
                mutant ? " (mutant)" : "", takeOverMillis, SESSION_TTL.toMillis(), HEARTBEAT.toMillis(), staleFence, fence.get());
        assertTrue(fence.get() > staleFence, "the second holder's fence " + fence.get() + " must exceed " + staleFence);
        map.setFenced("account", "holder-2", fence.get());
        writes.write("holder-2", "account", "holder-2", fence.get(), true);

        // 4. wake the frozen holder up and let it write with its stale fence
        signal("CONT");
        OutputStream stdin = holder.getOutputStream();
        stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        awaitHolderOutput(out -> out.contains("REJECTED") || out.contains("WRITTEN"));
        String out = holderOut();
        writes.write("holder-1", "account", "stale write", staleFence, out.contains("WRITTEN"));
        String value = map.get("account");

        long releaseStart = System.nanoTime();
        lock.unlock();
        holds.released("holder-2 (test JVM)", releaseStart, System.nanoTime(), true);
        assertTrue(holder.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the holder must exit; out:\n" + out);
        assertEquals(0, holder.exitValue(), "holder out:\n" + holderOut() + "\nerr:\n" + read(holderErr));
        return new Outcome(out, staleFence, fence.get(), value, writes, holds);
    }

    @Test
    void frozenHolderIsFencedOffAfterItsSessionExpired() throws Exception {
        Outcome outcome = pausedHolderWritesAfterTakeOver(false);
        assertTrue(outcome.holderOut().contains("REJECTED"), outcome.holderOut());
        assertFalse(outcome.holderOut().contains("WRITTEN"), outcome.holderOut());
        assertEquals("holder-2", outcome.value());
        assertEquals(List.of(), outcome.writes().violations(), "writes: " + outcome.writes().writes());
        assertEquals(List.of(), outcome.holds().violations());
        assertEquals(2, outcome.holds().size());
    }

    /** The mutant: the stale write is a plain set; it lands, and the write checker must say so. */
    @Test
    void withoutTheStorageFenceCheckTheStaleWriteLandsAndTheCheckerReportsIt() throws Exception {
        Outcome outcome = pausedHolderWritesAfterTakeOver(true);
        assertTrue(outcome.holderOut().contains("WRITTEN"), outcome.holderOut());
        assertEquals("stale write", outcome.value());
        List<String> violations = outcome.writes().violations();
        System.out.println("PausedHolderProcessTest (mutant): checker reports " + violations);
        assertEquals(1, violations.size(), "writes: " + outcome.writes().writes());
        assertTrue(violations.get(0).contains("fence " + outcome.staleFence()), violations.get(0));
        // the lock itself behaved: only the storage let the stale write through
        assertEquals(List.of(), outcome.holds().violations());
    }

    private void startHolder(String addresses, String mapName, String lockName, boolean mutant) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PausedHolder.class.getName());
        command.addAll(List.of(CLUSTER.configs().clusterName(), addresses, mapName, lockName, mutant ? "mutant" : "fenced"));
        holderOut = Files.createTempFile(dir, "holder", ".out");
        holderErr = Files.createTempFile(dir, "holder", ".err");
        holder = new ProcessBuilder(command).redirectOutput(holderOut.toFile()).redirectError(holderErr.toFile()).start();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(holder.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill -" + signal + " did not return");
        assertEquals(0, kill.exitValue(), "kill -" + signal + " " + holder.pid());
    }

    private void awaitHolderOutput(Predicate<String> condition) {
        await().atMost(TIMEOUT)
                .failFast("the holder exited early; its stderr is in " + holderErr, () -> !holder.isAlive() && !condition.test(holderOut()))
                .until(() -> condition.test(holderOut()));
    }

    private String holderOut() {
        return read(holderOut);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
