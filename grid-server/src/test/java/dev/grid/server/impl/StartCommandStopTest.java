package dev.grid.server.impl;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.instance.impl.OutOfMemoryHandlerHelper;
import dev.grid.core.spi.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code grid start} whose member Hazelcast terminates on its own (its out-of-memory handler does, without a lifecycle
 * event) ends with a failure instead of living on with no member in it. A member that ran out of heap while partitions
 * migrated to it stayed a process that never rejoined, and the chaos test waited for it in vain.
 */
class StartCommandStopTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMemberTerminatedByHazelcastsOutOfMemoryHandlerEndsTheCommandWithAFailure(@TempDir Path dir) throws Exception {
        String cluster = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        int port = FreePorts.loopback(1).get(0);
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, String.join("\n",
                "grid:",
                "  clusterName: " + cluster,
                "  partitionCount: 7",
                "  dataDirectory: \"" + dir.resolve("data") + "\"",
                "  network:",
                "    host: 127.0.0.1",
                "    port: " + port,
                "    portAutoIncrement: false",
                "  monitor:",
                "    enabled: false",
                "  hazelcastProperties:",
                "    hazelcast.wait.seconds.before.join: 0",
                ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new GridCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("start", "--config", file.toString()));

        HazelcastInstance member = await().atMost(Duration.ofSeconds(60)).until(() -> Hazelcast.getAllHazelcastInstances().stream()
                .filter(i -> i.getConfig().getClusterName().equals(cluster)).findFirst().orElse(null), i -> i != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString(StandardCharsets.UTF_8).contains("partitions safe:"));
        OutOfMemoryHandlerHelper.tryShutdown(((HazelcastInstanceProxy) member).getOriginal());

        assertEquals(GridCommand.FAILED, exit.get(30, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the member shut down without being asked to"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(StartCommand.stoppedOnItsOwn(), "the JVM's graceful-stop hook must not turn the failure into exit code 0");
    }
}
