package dev.grid.core;

import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.spi.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code grid.network.members: ["127.0.0.1:first-last"]}, the port range docs/config.md documents, forms a
 * cluster: the member's join list and the client's address list expand it the same way. (It used to stop a
 * member with {@code NumberFormatException: For input string: "first-last"}.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PortRangeJoinTest {
    private final List<Grid> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void twoMembersJoinedByAPortRangeFormOneClusterThatAClientReachesThroughTheRange() {
        int first = twoConsecutiveFreePorts();
        String cluster = "range-" + UUID.randomUUID().toString().substring(0, 8);
        for (int port = first; port <= first + 1; port++) {
            started.add(Grid.embedded(GridConfig.fromYaml(String.join("\n",
                    "grid:",
                    "  clusterName: " + cluster,
                    "  partitionCount: 17",
                    "  network:",
                    "    port: " + port,
                    "    portAutoIncrement: false",
                    "    members: ['127.0.0.1:" + first + "-" + (first + 1) + "']",
                    "  hazelcastProperties:",
                    "    hazelcast.wait.seconds.before.join: 0",
                    ""))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> started.get(0).members().size() == 2 && started.get(1).members().size() == 2);
        assertEquals(started.get(0).members(), started.get(1).members());

        GridClientConfig clientConfig = GridClientConfig.forCluster(GridConfig.fromYaml(String.join("\n",
                "grid:",
                "  clusterName: " + cluster,
                "  network:",
                "    members: ['127.0.0.1:" + first + "-" + (first + 1) + "']",
                "")));
        assertEquals(List.of("127.0.0.1:" + first + "-" + (first + 1)), clientConfig.getAddresses());
        try (Grid client = Grid.client(clientConfig.setConnectTimeout(Duration.ofSeconds(30)))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> client.members().size() == 2);
            GridMap<String, String> map = client.map("ranges");
            map.set("k", "v");
            assertEquals("v", started.get(1).<String, String>map("ranges").get("k"));
        }
    }

    /** @return a port p such that p and p + 1 were both free a moment ago */
    private static int twoConsecutiveFreePorts() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FreePorts.loopback(1).get(0);
            if (port < 65535) {
                try (ServerSocket first = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                     ServerSocket second = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    if (first.isBound() && second.isBound()) {
                        return port;
                    }
                } catch (IOException taken) {
                    // one of the two is in use: try another
                }
            }
        }
        throw new IllegalStateException("no two consecutive free ports on the loopback interface in 100 attempts");
    }
}
