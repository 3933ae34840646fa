package dev.grid.monitor;

import dev.grid.core.GridConfig;
import dev.grid.core.GridConfigException;
import dev.grid.core.GridMonitorConfig;
import dev.grid.monitor.test.JsonFields;
import dev.grid.monitor.test.MonitoredCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SecurityTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    @TempDir
    Path data;

    @Test
    void aNonLoopbackBindWithoutATokenIsRefused() {
        GridConfig config = new GridConfig();
        config.getMonitor().setHost("0.0.0.0");
        GridConfigException e = assertThrows(GridConfigException.class, config::validate);
        assertEquals("grid.monitor.token", e.key());
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, c -> { })) {
            cluster.startMember();
            GridMonitorConfig open = new GridMonitorConfig().setHost("0.0.0.0").setPort(0);
            GridConfigException refused = assertThrows(GridConfigException.class, () -> GridMonitor.start(cluster.members.get(0), open));
            assertTrue(refused.getMessage().startsWith("grid.monitor.token must be set when grid.monitor.host is not a loopback address"));
        }
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        try (MonitoredCluster cluster = new MonitoredCluster(1, data, c -> c.getMonitor().setHost("0.0.0.0").setToken(TOKEN))) {
            cluster.startMember();
            int port = Integer.parseInt(cluster.url(0).replaceAll(".*:(\\d+)/$", "$1"));
            String base = "http://127.0.0.1:" + port + "/";
            for (String path : new String[]{"", "api/members", "metrics", "api/nothing", "dashboard.js"}) {
                HttpResponse<String> anonymous = MonitoredCluster.get(base + path);
                assertEquals(401, anonymous.statusCode(), path);
                assertTrue(JsonFields.parseObject(anonymous.body()).get("error").toString().contains("grid.monitor.token"));
                assertEquals(401, MonitoredCluster.get(base + path, "Authorization", "Bearer wrong-token-0123456789").statusCode(), path);
            }
            assertEquals(200, MonitoredCluster.get(base + "api/members", "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(200, MonitoredCluster.get(base + "metrics?token=" + TOKEN).statusCode());
            assertEquals(404, MonitoredCluster.get(base + "api/nothing", "Authorization", "Bearer " + TOKEN).statusCode());
        }
    }
}
