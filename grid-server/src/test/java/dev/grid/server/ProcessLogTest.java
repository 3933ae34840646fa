package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.LogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * grid-log's contract suite against two {@code grid start} member processes (one synchronous backup: every append
 * crosses a process boundary to its backup), through a client.
 */
@Tag("processes")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ProcessLogTest extends LogContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long DISK_BUDGET = 8 << 20;
    private static final List<MemberProcess> MEMBERS = new ArrayList<>();
    private static Path dir;
    private static Grid client;

    @BeforeAll
    static void startMembers() throws Exception {
        dir = Files.createTempDirectory("grid-process-log");
        String clusterName = "log-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(2);
        String addresses = "['127.0.0.1:" + ports.get(0) + "', '127.0.0.1:" + ports.get(1) + "']";
        for (int i = 0; i < 2; i++) {
            Path file = dir.resolve("member-" + i + ".yaml");
            Files.writeString(file, String.join("\n",
                    "grid:",
                    "  clusterName: " + clusterName,
                    "  partitionCount: 13",
                    "  backupCount: 1",
                    "  dataDirectory: " + dir.resolve("data-" + i),
                    "  network:",
                    "    port: " + ports.get(i),
                    "    portAutoIncrement: false",
                    "    members: " + addresses,
                    "  cp:",
                    "    memberCount: 0",
                    "  log:",
                    "    retentionCheckInterval: 200ms",
                    "    diskBudget: " + DISK_BUDGET,
                    "  monitor:",
                    "    enabled: false",
                    "  hazelcastProperties:",
                    "    hazelcast.wait.seconds.before.join: 0",
                    ""));
            MEMBERS.add(MemberProcess.start(dir, "start", "--config", file.toString()));
        }
        for (MemberProcess member : MEMBERS) {
            member.awaitOutput(TIMEOUT, out -> out.contains("partitions safe:") && out.contains("across 2 members"));
        }
        client = Grid.client(new GridClientConfig().setClusterName(clusterName)
                .setAddresses(List.of("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1))));
    }

    @AfterAll
    static void stopMembers() throws Exception {
        if (client != null) {
            client.close();
        }
        MemberProcess.stopAll(MEMBERS, TIMEOUT);
    }

    @Override
    protected Grid grid() {
        return client;
    }

    @Override
    protected long diskBudget() {
        return DISK_BUDGET;
    }
}
