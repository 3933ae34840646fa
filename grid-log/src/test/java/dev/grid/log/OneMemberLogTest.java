package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.core.MetricsCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OneMemberLogTest extends LogContract {
    @RegisterExtension
    static final GridCluster CLUSTER = LogClusters.contract(1);

    @Override
    protected Grid grid() {
        return CLUSTER.member(0);
    }

    @Test
    void theOwnerReportsEachPartitionsOffsetsAndAppendsAsMetrics() {
        GridLog log = GridLog.of(grid());
        log.createTopic("metered", 2);
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < 5; i++) {
                producer.send(ProducerRecord.of("metered", null, "v".getBytes(StandardCharsets.UTF_8)).toPartition(1));
            }
        }
        Map<String, Double> seen = new HashMap<>();
        grid().metrics().collect(new MetricsCollector() {
            @Override
            public void counter(String name, String help, Map<String, String> labels, double value) {
                gauge(name, help, labels, value);
            }

            @Override
            public void gauge(String name, String help, Map<String, String> labels, double value) {
                if ("metered".equals(labels.get("topic"))) {
                    seen.put(name + "/" + labels.get("partition"), value);
                }
            }
        });
        assertEquals(5.0, seen.get("grid_log_high_watermark/1"), seen.toString());
        assertEquals(5.0, seen.get("grid_log_end_offset/1"));
        assertEquals(5.0, seen.get("grid_log_appended_records_total/1"));
        assertEquals(0.0, seen.get("grid_log_start_offset/1"));
    }

    @Override
    protected long diskBudget() {
        return LogClusters.CONTRACT_DISK_BUDGET;
    }
}
