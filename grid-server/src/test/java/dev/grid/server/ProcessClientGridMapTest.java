package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.map.GridMapContractTest;
import dev.grid.core.spi.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The GridMap contract on a client of three members, each a {@code grid start --config <file>} in
 * its own JVM, over real TCP on 127.0.0.1: keys, values and entry processors cross process
 * boundaries as they do in production. The members start in parallel and are always stopped. In the fault step
 * (about a minute: three member JVMs and the whole contract), with the other process tests of promises.
 */
@Tag("faults")
class ProcessClientGridMapTest extends GridMapContractTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int MEMBERS = 3;
    private static final int PARTITIONS = 31;

    @TempDir
    static Path dir;

    private static final List<MemberProcess> processes = new ArrayList<>();
    private static Grid client;

    @BeforeAll
    static void start() throws IOException {
        String clusterName = "proc-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(MEMBERS);
        String members = ports.stream().map(port -> "'127.0.0.1:" + port + "'").collect(Collectors.joining(", ", "[", "]"));
        for (int port : ports) {
            Path file = dir.resolve("grid-" + port + ".yaml");
            Files.writeString(file, String.join("\n",
                    "grid:",
                    "  clusterName: " + clusterName,
                    "  partitionCount: " + PARTITIONS,
                    "  network:",
                    "    port: " + port,
                    "    portAutoIncrement: false",
                    "    members: " + members,
                    "  hazelcastProperties:",
                    "    hazelcast.wait.seconds.before.join: 0",
                    ""));
            processes.add(MemberProcess.start(dir, "start", "--config", file.toString()));
        }
        for (MemberProcess process : processes) {
            process.awaitOutput(START_TIMEOUT, out -> out.contains("members (" + MEMBERS + ")"));
        }
        client = Grid.client(new GridClientConfig().setClusterName(clusterName)
                .setAddresses(ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.toList())));
        await().atMost(START_TIMEOUT).until(() -> {
            PartitionDistribution distribution = client.partitions().distribution();
            return client.members().size() == MEMBERS && distribution.unassigned() == 0 && distribution.min() > 0;
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            MemberProcess.stopAll(processes, START_TIMEOUT);
        }
    }

    @Override
    protected Grid grid() {
        return client;
    }
}
