package dev.grid.perf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grid.core.spi.JvmFlags;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.bench.targets.ChildProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Member JVMs started by the harness are gone after a run, and after a run stopped with SIGTERM (as Ctrl-C stops it). */
@Tag("processes")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ChildProcessCleanupTest {
    private static final Pattern PIDS = Pattern.compile("child processes: pids \\[([0-9, ]+)]");

    @Test
    void shouldStopMemberJvmsAfterARun(@TempDir Path out) {
        Console console = Console.capture(() -> BenchMain.execute(List.of("run", "--workload", "C", "--target", "gridmap",
                "--members", "2", "--records", "1000", "--threads", "2", "--warmup", "0s", "--duration", "1s",
                "--partitions", "31", "--member-heap", "256m", "--out", out.toString()), StopSignal.manual()));
        assertEquals(0, console.code, console.err);
        List<Long> pids = pids(console.out);
        assertEquals(1, pids.size(), "embedded with 2 members: this JVM and one child");
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "member JVM " + pid + " still running");
        }
        assertTrue(ChildProcesses.alivePids().isEmpty(), "registry empty: " + ChildProcesses.alivePids());
    }

    @Test
    void shouldStopMemberJvmsAndWritePartialResultsWhenTerminated(@TempDir Path out) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.list());
        command.addAll(List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                BenchMain.class.getName(), "run", "--workload", "A", "--target", "gridmap", "--mode", "client", "--members", "2",
                "--records", "1000", "--threads", "2", "--warmup", "0s", "--duration", "120s", "--partitions", "31",
                "--member-heap", "256m", "--out", out.toString()));
        Process harness = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        try {
            CompletableFuture<Void> measuring = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        System.out.println("harness> " + line);
                        synchronized (pids) {
                            pids.addAll(pids(line));
                        }
                        if (line.contains(" run ") && line.contains("ops/s")) {
                            measuring.complete(null);
                        }
                    }
                } catch (java.io.IOException e) {
                    // harness gone
                }
                measuring.completeExceptionally(new IllegalStateException("the harness ended before measuring"));
            }, "harness-stdout");
            reader.setDaemon(true);
            reader.start();
            measuring.get(100, TimeUnit.SECONDS);
            synchronized (pids) {
                assertEquals(2, pids.size(), "client mode with 2 members: two child JVMs");
            }
            harness.destroy(); // SIGTERM, as a terminal's Ctrl-C (SIGINT) triggers the same shutdown hook
            assertTrue(harness.waitFor(60, TimeUnit.SECONDS), "the harness exits after SIGTERM");
        } finally {
            harness.destroyForcibly();
        }
        synchronized (pids) {
            for (long pid : pids) {
                await("member JVM " + pid + " gone").atMost(15, TimeUnit.SECONDS)
                        .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            }
        }
        JsonNode run = BenchJson.read(Files.readString(out.resolve("results.json")), JsonNode.class).get("runs").get(0);
        assertEquals("interrupted", run.get("status").asText());
        assertTrue(run.get("throughput_ops").asDouble() > 0, "partial figures: " + run);
        assertTrue(Files.readString(out.resolve("report.html")).contains("interrupted"));
    }

    private static List<Long> pids(String text) {
        List<Long> pids = new ArrayList<>();
        Matcher m = PIDS.matcher(text);
        while (m.find()) {
            for (String pid : m.group(1).split(",\\s*")) {
                pids.add(Long.parseLong(pid.trim()));
            }
        }
        return pids;
    }
}
