package dev.grid.server;

import com.hazelcast.cluster.Address;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.map.IMap;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.GridMode;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid start} in a separate JVM, reached over real TCP on 127.0.0.1. */
class StandaloneMemberTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITIONS = 31;

    @Test
    void startWithBrokenConfigExitsNonZeroNamingKeyAndValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  network:\n    port: 0\n");
        try (MemberProcess process = MemberProcess.start(dir, "start", "--config", file.toString())) {
            assertEquals(GridCommand.USAGE, process.waitForExit(START_TIMEOUT));
            assertTrue(process.err().contains("grid.network.port must be between 1 and 65535, was 0"), process.err());
        }
    }

    @Test
    void clientReachesAMemberInAnotherProcessAndSeesTheRealPartitionTable(@TempDir Path dir) throws Exception {
        String clusterName = "proc-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(2);
        String members = "['127.0.0.1:" + ports.get(0) + "', '127.0.0.1:" + ports.get(1) + "']";
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, String.join("\n",
                "grid:",
                "  clusterName: " + clusterName,
                "  partitionCount: " + PARTITIONS,
                "  network:",
                "    port: " + ports.get(0),
                "    portAutoIncrement: false",
                "    members: " + members,
                "  hazelcastProperties:",
                "    hazelcast.wait.seconds.before.join: 0",
                ""));

        try (MemberProcess process = MemberProcess.start(dir, "start", "--config", file.toString())) {
            process.awaitOutput(START_TIMEOUT, out -> out.contains("members (1)"));
            assertTrue(process.out().contains("listening on 127.0.0.1:" + ports.get(0)), process.out());

            GridConfig embeddedConfig = GridConfig.load(file);
            embeddedConfig.getNetwork().setPort(ports.get(1));
            try (Grid embedded = Grid.embedded(embeddedConfig);
                 Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName)
                         .setAddresses(List.of("127.0.0.1:" + ports.get(0))))) {
                process.awaitOutput(START_TIMEOUT, out -> out.contains("members (2)"));
                assertEquals(GridMode.CLIENT, client.mode());
                assertTrue(client.localMember().isEmpty());
                await().atMost(START_TIMEOUT).until(() -> client.members().size() == 2
                        && embedded.hazelcast().getPartitionService().isClusterSafe()
                        && client.partitions().distribution().unassigned() == 0
                        && client.partitions().distribution().min() > 0);
                assertEquals(List.copyOf(embedded.members()), List.copyOf(client.members()));

                InternalPartitionService table =
                        ((HazelcastInstanceProxy) embedded.hazelcast()).getOriginal().node.getPartitionService();
                for (int p = 0; p < PARTITIONS; p++) {
                    Address owner = table.getPartitionOwner(p);
                    GridMember seen = client.partitions().ownerOf(p).orElseThrow();
                    assertEquals(owner.getHost() + ":" + owner.getPort(), seen.address(), "owner of partition " + p);
                }
                for (int i = 0; i < 200; i++) {
                    assertEquals(table.getPartitionId("k" + i), client.partitions().partitionOf("k" + i));
                }

                IMap<String, String> map = client.hazelcast().getMap("standalone");
                for (int i = 0; i < 100; i++) {
                    map.set("k" + i, "v" + i);
                }
                assertEquals("v42", embedded.hazelcast().<String, String>getMap("standalone").get("k42"));
                GridMap<String, String> gridMap = client.map("standalone-grid");
                for (int i = 0; i < 100; i++) {
                    gridMap.set("k" + i, "v" + i);
                }

                ByteArrayOutputStream report = new ByteArrayOutputStream();
                int code = new GridCommand(new PrintStream(report, true, StandardCharsets.UTF_8), System.err)
                        .run("partitions", "--config", file.toString());
                String text = report.toString(StandardCharsets.UTF_8);
                assertEquals(GridCommand.OK, code, text);
                assertTrue(text.contains("cluster '" + clusterName + "': 2 members"), text);
                assertTrue(text.contains(PARTITIONS + " partitions on 2 members"), text);

                assertEquals(GridCommand.OK, process.terminate(START_TIMEOUT), process.out() + process.err());
                assertTrue(process.out().contains("stopping: leaving the cluster gracefully"), process.out() + "\nERR:\n" + process.err());
                assertTrue(process.out().contains("stopped"), process.out());
                await().atMost(START_TIMEOUT).until(() -> embedded.members().size() == 1);
                assertEquals("v42", embedded.hazelcast().<String, String>getMap("standalone").get("k42"),
                        "a graceful stop hands the partitions over");
                GridMap<String, String> handedOver = embedded.map("standalone-grid");
                assertEquals(100, handedOver.size(), "a graceful stop hands the GridMap's partitions over (its off-heap tables "
                        + "must outlive Chronicle's close-on-exit hook, which runs while the member leaves)");
                assertEquals("v42", handedOver.get("k42"));
            }
        }
    }
}
