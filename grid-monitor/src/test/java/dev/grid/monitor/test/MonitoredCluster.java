package dev.grid.monitor.test;

import dev.grid.core.Grid;
import dev.grid.core.config.GridConfig;
import dev.grid.core.test.TestClusters;
import dev.grid.monitor.GridMonitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Members with monitors on 127.0.0.1 (HTTP on free ports, fast refresh and evaluation), and an HTTP client for their APIs. */
public final class MonitoredCluster implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TestClusters cluster;
    private final Path dataDirectory;
    private final Consumer<GridConfig> customizer;
    public final List<Grid> members = new ArrayList<>();
    public final List<GridMonitor> monitors = new ArrayList<>();

    public MonitoredCluster(int maxMembers, Path dataDirectory, Consumer<GridConfig> customizer) {
        this.cluster = TestClusters.of(maxMembers, 17);
        this.dataDirectory = dataDirectory;
        this.customizer = customizer;
    }

    public String clusterName() {
        return cluster.clusterName();
    }

    /** @return the addresses of every member this cluster may have ({@code 127.0.0.1:port}), for clients */
    public List<String> memberAddresses() {
        return cluster.memberAddresses();
    }

    /** @return the index of the started member */
    public int startMember() {
        GridConfig config = cluster.nextMemberConfig().setDataDirectory(dataDirectory);
        config.getMonitor().setPort(0).setRefreshInterval(Duration.ofMillis(200)).setEvaluationInterval(Duration.ofMillis(200));
        // grid-query is on the tests' class path (the query page's tests): Jet would run on every member, and its
        // threads made the alert timing test late; the tests of the query page turn it on
        config.setJetEnabled(false);
        customizer.accept(config);
        config.validate();
        Grid grid = Grid.embedded(config);
        try {
            monitors.add(GridMonitor.start(grid));
        } catch (RuntimeException e) {
            grid.hazelcast().getLifecycleService().terminate();
            throw e;
        }
        members.add(grid);
        return members.size() - 1;
    }

    /** Terminates a member (no graceful leave), as a crash would. */
    public void kill(int index) {
        members.get(index).hazelcast().getLifecycleService().terminate();
        monitors.get(index).close();
    }

    public String url(int index) {
        return monitors.get(index).url().orElseThrow();
    }

    public static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a JSON endpoint and fails unless it answers 200. */
    public Map<String, Object> api(int member, String path) {
        try {
            HttpResponse<String> response = get(url(member) + path);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JsonFields.parseObject(response.body());
        } catch (IOException e) {
            throw new AssertionError(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        for (int i = members.size() - 1; i >= 0; i--) {
            try {
                monitors.get(i).close();
            } finally {
                members.get(i).hazelcast().getLifecycleService().terminate();
            }
        }
    }
}
