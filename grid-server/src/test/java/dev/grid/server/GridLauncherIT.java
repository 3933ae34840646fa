package dev.grid.server;

import dev.grid.core.spi.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./grid start} as users run it: the launcher script at the repository root, after {@code package} built
 * the jar, its classpath and {@code jvm.options} (a failsafe test). The member's JVM gets the heap bound of
 * {@code grid.jvm.heap} (default 1g), and an {@code -Xmx} in {@code GRID_JAVA_OPTS} overrides it.
 */
@Tag("processes")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class GridLauncherIT {
    private static final Path LAUNCHER = Path.of("..", "grid").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void gridStartRunsTheMemberWithTheConfiguredHeap(@TempDir Path dir) throws Exception {
        try (Launched member = start(dir, "    heap: 384m\n", Map.of())) {
            assertTrue(member.out().contains("jvm: heap max 384 MB (grid.jvm.heap)"), member.out());
            assertTrue(member.arguments().contains("-Xmx384m"), "the member's JVM arguments: " + member.arguments());
            member.stop();
        }
    }

    @Test
    void withoutTheKeyTheHeapIsBoundedToOneGigabyte(@TempDir Path dir) throws Exception {
        try (Launched member = start(dir, null, Map.of())) {
            assertTrue(member.out().contains("jvm: heap max 1024 MB (grid.jvm.heap)"), member.out());
            assertTrue(member.arguments().contains("-Xmx1024m"), "the member's JVM arguments: " + member.arguments());
            member.stop();
        }
    }

    @Test
    void anXmxInGridJavaOptsOverridesTheConfiguredHeap(@TempDir Path dir) throws Exception {
        try (Launched member = start(dir, "    heap: 384m\n", Map.of("GRID_JAVA_OPTS", "-Xmx320m"))) {
            assertTrue(member.out().contains("jvm: heap max 320 MB (this JVM's -Xmx, not grid.jvm.heap 384 MB"), member.out());
            List<String> arguments = member.arguments();
            assertTrue(arguments.indexOf("-Xmx320m") > arguments.indexOf("-Xmx384m"), "GRID_JAVA_OPTS comes last: " + arguments);
            member.stop();
        }
    }

    private static Launched start(Path dir, String jvmSection, Map<String, String> env) throws IOException {
        assertTrue(Files.isExecutable(LAUNCHER), "no launcher at " + LAUNCHER);
        int port = FreePorts.loopback(1).get(0);
        Path config = dir.resolve("grid.yaml");
        Files.writeString(config, "grid:\n"
                + "  clusterName: launcher-" + UUID.randomUUID().toString().substring(0, 8) + "\n"
                + "  partitionCount: 7\n"
                + "  dataDirectory: " + dir.resolve("data") + "\n"
                + "  network:\n    port: " + port + "\n    portAutoIncrement: false\n    members: ['127.0.0.1:" + port + "']\n"
                + "  monitor:\n    port: 0\n"
                + "  cp:\n    memberCount: 0\n"
                + (jvmSection == null ? "" : "  jvm:\n" + jvmSection));
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "start", "--config", config.toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove("GRID_JAVA_OPTS");
        builder.environment().putAll(env);
        Launched launched = new Launched(builder.start(), dir);
        try {
            await().atMost(START_TIMEOUT).failFast(() -> !launched.process.isAlive())
                    .until(() -> launched.out().contains("members (1)"));
        } catch (RuntimeException | AssertionError e) {
            launched.process.destroyForcibly();
            throw new AssertionError("./grid start did not start a member; out:\n" + launched.out() + "\nerr:\n" + launched.err(), e);
        }
        return launched;
    }

    /** The launcher execs the member's JVM: the process started is the member. */
    private record Launched(Process process, Path dir) implements AutoCloseable {
        String out() throws IOException {
            return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        }

        List<String> arguments() {
            return List.of(process.info().arguments().orElseThrow(() -> new AssertionError("the member's JVM arguments cannot be read")));
        }

        /** SIGTERM, as Ctrl-C or a service manager: the member leaves and exits 0. */
        void stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the member did not stop on SIGTERM");
            assertEquals(0, process.exitValue(), out() + err());
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
