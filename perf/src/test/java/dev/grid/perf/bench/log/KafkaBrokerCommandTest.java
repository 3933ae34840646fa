package dev.grid.perf.bench.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker JVM gets the options Kafka's own start script gives it, as a broker started by Kafka's scripts would. */
@Timeout(10)
class KafkaBrokerCommandTest {
    @Test
    void aBrokerRunsWithKafkasOwnGarbageCollectorSettings() {
        List<String> command = KafkaCluster.command("1g", KafkaBroker.class.getName(), List.of("server.properties"));
        int main = command.indexOf(KafkaBroker.class.getName());
        for (String option : List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent")) {
            int at = command.indexOf(option);
            assertTrue(at > 0 && at < main, option + " missing before the main class: " + command);
        }
        assertTrue(command.contains("-Xmx1g"), command.toString());
        assertEquals("server.properties", command.get(command.size() - 1));
    }
}
