package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.PartitionDistribution;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
 * {@code grid start} member processes on 127.0.0.1 (grid-query on their class path: Jet and SQL are on) and a client of
 * them, started before a test class's {@code @BeforeAll} methods (so a contract's data loading runs against them) and
 * always stopped after it. Ports are reserved for members started later ({@link #startMember()}); every member lists
 * them all. The SQL contracts' Java values ({@code dev.grid.query.impl.sql.*}) are on the members' allowlist.
 */
final class SqlProcessCluster implements BeforeAllCallback, AfterAllCallback {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final int PARTITIONS = 31;

    private final int initialMembers;
    private final List<Integer> ports;
    private final List<MemberProcess> processes = new ArrayList<>();
    private final String clusterName = "sql-proc-" + UUID.randomUUID().toString().substring(0, 8);
    private Path dir;
    private Grid client;

    /** @param upTo the most members the test will run at once over its life (ports are reserved for all) */
    SqlProcessCluster(int members, int upTo) {
        this.initialMembers = members;
        this.ports = FreePorts.loopback(upTo);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("grid-sql-proc");
        for (int i = 0; i < initialMembers; i++) {
            startProcess(i);
        }
        for (MemberProcess process : processes) {
            process.awaitOutput(TIMEOUT, out -> out.contains("members (" + initialMembers + ")"));
        }
        client = Grid.client(new GridClientConfig().setClusterName(clusterName)
                .setAddresses(ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.toList())));
        awaitMembers(initialMembers);
    }

    private MemberProcess startProcess(int index) throws IOException {
        int port = ports.get(index);
        Path file = configFile(index);
        String members = ports.stream().map(p -> "'127.0.0.1:" + p + "'").collect(Collectors.joining(", ", "[", "]"));
        Files.writeString(file, String.join("\n",
                "grid:",
                "  clusterName: " + clusterName,
                "  partitionCount: " + PARTITIONS,
                "  dataDirectory: " + dir.resolve("data-" + port),
                "  network:",
                "    port: " + port,
                "    portAutoIncrement: false",
                "    members: " + members,
                "  cp:",
                "    memberCount: 0",
                "  security:",
                "    allowedClasses: ['dev.grid.query.impl.sql.*']",
                "  hazelcastProperties:",
                "    hazelcast.wait.seconds.before.join: 0",
                ""));
        MemberProcess process = MemberProcess.start(dir, "start", "--config", file.toString());
        processes.add(process);
        return process;
    }

    /** @return the configuration file of the member started {@code index}-th (0 first), as {@code grid sql --config} takes */
    Path configFile(int index) {
        return dir.resolve("grid-" + ports.get(index) + ".yaml");
    }

    Path dir() {
        return dir;
    }

    Grid client() {
        return client;
    }

    /** @return the member process started {@code index}-th (0 first) */
    MemberProcess member(int index) {
        return processes.get(index);
    }

    /** Starts one more member (it joins the others) and returns at once. */
    MemberProcess startMember() throws IOException {
        return startProcess(processes.size());
    }

    /** Waits until the client sees that many members and every partition has an owner. */
    void awaitMembers(int count) {
        await().atMost(TIMEOUT).until(() -> {
            PartitionDistribution distribution = client.partitions().distribution();
            return client.members().size() == count && distribution.unassigned() == 0 && distribution.min() > 0;
        });
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            MemberProcess.stopAll(processes, TIMEOUT);
        }
    }
}
