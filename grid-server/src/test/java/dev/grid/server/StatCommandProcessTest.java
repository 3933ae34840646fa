package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid start} runs the monitor; {@code grid stat --once}, in another JVM, reads the running
 * member's counters file (no network) and shows the operations a client made; two calls while a
 * client keeps reading and writing show the counters moving.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StatCommandProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void statReadsARunningMembersCountersFromAnotherProcess(@TempDir Path dir) throws Exception {
        String clusterName = "stat-" + UUID.randomUUID().toString().substring(0, 8);
        int port = FreePorts.loopback(1).get(0);
        Path data = dir.resolve("data");
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, MemberProcess.singleMemberYaml(clusterName, port, data));
        try (MemberProcess member = MemberProcess.start(dir, "start", "--config", file.toString())) {
            member.awaitOutput(TIMEOUT, out -> out.contains("counters: "));
            Matcher url = Pattern.compile("monitor: (http://127\\.0\\.0\\.1:\\d+/) ").matcher(member.out());
            assertTrue(url.find(), member.out());
            HttpResponse<String> members = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "api/members"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, members.statusCode());
            assertTrue(members.body().contains("127.0.0.1:" + port), members.body());

            try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port)))) {
                GridMap<Integer, String> orders = client.map("orders");
                for (int i = 0; i < 150; i++) {
                    orders.set(i, "o" + i);
                }
                for (int i = 0; i < 200; i++) {
                    orders.get(i);
                }
            }
            String counters = statOnce(dir, data);
            assertTrue(counters.contains("member=127.0.0.1:" + port), counters);
            assertEquals(150, value(counters, "grid_map_operations_total{map=\"orders\",op=\"put\"}"), counters);
            assertEquals(150, value(counters, "grid_map_get_hits_total{map=\"orders\"}"), counters);
            assertEquals(50, value(counters, "grid_map_get_misses_total{map=\"orders\"}"), counters);
            await().atMost(Duration.ofSeconds(20)).until(() -> value(statOnce(dir, data), "grid_map_entries{map=\"orders\",replica=\"primary\"}") == 150);
            assertEquals(1, value(counters, "grid_cluster_members"), counters);

            statShowsCountersChangingUnderLoad(dir, data, clusterName, port);

            assertEquals(GridCommand.OK, member.terminate(TIMEOUT), member.out() + member.err());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new GridCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run("stat", "--once", "--dir", data.toString());
        assertEquals(GridCommand.FAILED, code, "the stopped member's file is gone");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no running member keeps counters in"), out.toString(StandardCharsets.UTF_8));
    }

    /** Two {@code grid stat --once} calls while a client reads and writes: the hot-path counters moved between them. */
    private static void statShowsCountersChangingUnderLoad(Path dir, Path data, String clusterName, int port) throws Exception {
        String gets = "grid_map_operations_total{map=\"orders\",op=\"get\"}";
        String puts = "grid_map_operations_total{map=\"orders\",op=\"put\"}";
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newSingleThreadExecutor();
        try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port)))) {
            GridMap<Integer, String> orders = client.map("orders");
            Future<Long> done = load.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                long n = 0;
                for (; loading.get() && System.nanoTime() < deadline; n++) {
                    orders.get((int) (n % 200));
                    if (n % 4 == 0) {
                        orders.set((int) (n % 150), "o" + n);
                    }
                }
                return n;
            });
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> value(statOnce(dir, data), gets) > 400);
                String first = statOnce(dir, data);
                String second = statOnce(dir, data);
                long getsFirst = value(first, gets);
                long getsSecond = value(second, gets);
                long putsFirst = value(first, puts);
                long putsSecond = value(second, puts);
                System.out.println("StatCommandProcessTest: two grid stat --once calls under load: gets " + getsFirst + " -> " + getsSecond
                        + ", puts " + putsFirst + " -> " + putsSecond);
                assertTrue(getsSecond > getsFirst, "gets must grow under load:\n" + first + "\n" + second);
                assertTrue(putsSecond > putsFirst, "puts must grow under load:\n" + first + "\n" + second);
                assertTrue(value(second, "grid_map_get_hits_total{map=\"orders\"}") > value(first, "grid_map_get_hits_total{map=\"orders\"}"),
                        second);
            } finally {
                loading.set(false);
                assertTrue(done.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            load.shutdownNow();
        }
    }

    private static String statOnce(Path dir, Path data) throws Exception {
        try (MemberProcess stat = MemberProcess.start(dir, "stat", "--once", "--dir", data.toString())) {
            assertEquals(GridCommand.OK, stat.waitForExit(TIMEOUT), stat.out() + stat.err());
            return stat.out();
        }
    }

    private static long value(String stat, String label) {
        for (String line : stat.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(label + " ")) {
                return Long.parseLong(trimmed.substring(label.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
