package dev.grid.perf.bench.log;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The main class of a Kafka broker JVM started by {@link KafkaCluster}: Kafka's own {@code kafka.Kafka.main} with the
 * same arguments ({@code server.properties}), plus a daemon thread that halts the JVM when its stdin closes, so a
 * broker never outlives the harness, however the harness ended (SIGKILL included; its data is in a temporary
 * directory and thrown away).
 *
 * <pre>java $(grid JVM flags) -Xmx1g -cp grid-perf.jar dev.grid.perf.bench.log.KafkaBroker server.properties</pre>
 */
public final class KafkaBroker {
    private KafkaBroker() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watcher = new Thread(KafkaBroker::haltAtEndOfInput, "grid-bench-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Class.forName(KafkaCluster.MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void haltAtEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // the harness writes nothing: it only holds the pipe open
            }
        } catch (IOException e) {
            // closed: the harness is gone
        }
        Runtime.getRuntime().halt(0);
    }
}
