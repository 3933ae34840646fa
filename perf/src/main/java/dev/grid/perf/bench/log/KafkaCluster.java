package dev.grid.perf.bench.log;

import dev.grid.core.spi.FreePorts;
import dev.grid.core.spi.JvmFlags;
import dev.grid.perf.bench.targets.ChildProcesses;
import dev.grid.perf.bench.targets.JavaCommand;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Apache Kafka brokers in child JVMs, KRaft mode without ZooKeeper: every broker is also a controller
 * ({@code process.roles=broker,controller}, a static quorum of all of them), on free ports of 127.0.0.1, its
 * log directory under a temporary directory deleted by {@link #close()}. The broker is Kafka's own main class
 * ({@value #MAIN} {@code server.properties}, called by {@link KafkaBroker}, which also ends the JVM when the harness's
 * end of its stdin closes) after {@value #STORAGE_TOOL} {@code format -t <cluster id> -c server.properties}, run from this
 * JVM's class path: perf depends on {@code org.apache.kafka:kafka_2.13} at runtime scope, so grid-perf.jar (and the
 * test class path) carries the broker and its Scala libraries, and nothing is downloaded at run time. Child JVMs get
 * grid's JVM flags ({@link JvmFlags}) and {@code -Xms/-Xmx} of the heap asked for; their output goes to
 * {@code kafka-broker-PORT.log} in the log directory given.
 *
 * <p>Ready means an AdminClient sees every broker registered (broker registration goes through the controller
 * quorum). A broker that exits first, or a cluster not ready within {@link #START_TIMEOUT}, is an
 * {@link IllegalStateException} whose message ends with the broker's log tail; everything started is stopped then.
 * Brokers are killed at once by {@link #close()} (their data is thrown away), and by a shutdown hook if this JVM
 * ends first.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.start(3, "1g", logs)) {
 *     kafka.createTopic("orders", 8, 2, 2);
 *     new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), ...));
 * }
 * }</pre>
 */
public final class KafkaCluster implements AutoCloseable {
    /** The broker's main class. */
    static final String MAIN = "kafka.Kafka";
    /** Kafka's storage tool, which formats a log directory before the first start. */
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    /** How long the brokers have to be ready, formatting included. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int TAIL_LINES = 25;
    private static final String FORMAT_HEAP = "256m";

    private final List<Process> processes;
    private final List<Path> logs;
    private final Path dataRoot;
    private final String bootstrapServers;
    private final Thread hook;
    private Admin admin;
    private boolean closed;

    private KafkaCluster(List<Process> processes, List<Path> logs, Path dataRoot, String bootstrapServers, Thread hook) {
        this.processes = processes;
        this.logs = logs;
        this.dataRoot = dataRoot;
        this.bootstrapServers = bootstrapServers;
        this.hook = hook;
    }

    /**
     * Formats and starts the brokers, and waits until all are registered.
     *
     * @param brokers      how many (each a broker and a controller)
     * @param heap         -Xms/-Xmx of each broker JVM, e.g. {@code 1g}
     * @param logDirectory where each broker's output goes (kept after {@link #close()})
     * @return the running cluster
     * @throws IllegalStateException if a broker exits or the cluster is not ready in time, with the broker's log tail
     */
    public static KafkaCluster start(int brokers, String heap, Path logDirectory) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be >= 1, was " + brokers);
        }
        quietClients();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logDirectory, e);
        }
        Path dataRoot = TempDirectories.create("grid-bench-kafka-");
        List<Process> processes = new ArrayList<>();
        Thread hook = new Thread(() -> stop(processes, dataRoot), "grid-bench-kafka-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Integer> ports = FreePorts.loopback(brokers * 2);
        List<String> listeners = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        KafkaCluster cluster = null;
        try {
            List<Path> configs = new ArrayList<>();
            StringBuilder voters = new StringBuilder();
            for (int i = 0; i < brokers; i++) {
                voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(ports.get(2 * i + 1));
            }
            for (int i = 0; i < brokers; i++) {
                int port = ports.get(2 * i);
                listeners.add("127.0.0.1:" + port);
                configs.add(writeConfig(dataRoot.resolve("broker-" + (i + 1)), i + 1, port, ports.get(2 * i + 1), voters.toString(), brokers));
                logs.add(logDirectory.resolve("kafka-broker-" + port + ".log"));
            }
            format(configs, Uuid.randomUuid().toString(), dataRoot, processes, deadline);
            for (int i = 0; i < brokers; i++) {
                List<String> command = command(heap, KafkaBroker.class.getName(), List.of(configs.get(i).toString()));
                processes.add(launch(command, logs.get(i), processes));
            }
            cluster = new KafkaCluster(processes, logs, dataRoot, String.join(",", listeners), hook);
            cluster.awaitReady(brokers, deadline);
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                stop(processes, dataRoot);
                removeHook(hook);
            }
            throw e;
        }
    }

    /** @return {@code host:port} of every broker, comma-separated (the clients' {@code bootstrap.servers}) */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return the broker JVMs' pids */
    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** @return the temporary directory holding every broker's log directory (deleted by {@link #close()}) */
    public Path dataDirectory() {
        return dataRoot;
    }

    /**
     * Creates a topic and waits until the leader of every partition answers for it (a ListOffsets request to each):
     * a producer sending at once to a partition its leader has not created yet gets retriable errors, and Kafka 4.4.0's
     * idempotent producer was seen to resend a partition's first batch after later ones, which the broker then refuses
     * until the records expire (2 minutes).
     *
     * @param replicationFactor replicas of each partition
     * @param minInsyncReplicas replicas that must hold a record before an {@code acks=all} produce is acknowledged
     */
    public void createTopic(String name, int partitions, int replicationFactor, int minInsyncReplicas) {
        NewTopic topic = new NewTopic(name, partitions, (short) replicationFactor)
                .configs(Map.of("min.insync.replicas", Integer.toString(minInsyncReplicas)));
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                ends.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String state = "not described yet";
            while (true) {
                try {
                    // the broker answering may not know the topic yet (UnknownTopicOrPartition): asked again until the deadline
                    var description = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
                    state = description.toString();
                    boolean led = description.partitions().stream().allMatch(p -> p.leader() != null && p.isr().size() >= minInsyncReplicas);
                    if (led && answers(ends)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    state = String.valueOf(e.getCause() != null ? e.getCause() : e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka topic " + name + " is not ready 30 s after its creation (every partition led, "
                            + minInsyncReplicas + " in-sync replicas, its leader answering): " + state);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create Kafka topic " + name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topic " + name, e);
        }
    }

    /** @return whether every partition's leader answered a ListOffsets request */
    private boolean answers(Map<TopicPartition, OffsetSpec> partitions) throws InterruptedException {
        try {
            admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Kills the brokers, deletes their data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        } finally {
            stop(processes, dataRoot);
            removeHook(hook);
        }
    }

    private void awaitReady(int brokers, long deadline) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "grid-bench-admin");
        admin = Admin.create(config);
        String last = "no answer";
        while (true) {
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.isAlive()) {
                    throw new IllegalStateException("Kafka broker " + (i + 1) + " (pid " + p.pid() + ") exited with code " + p.exitValue()
                            + " before the cluster was ready; " + tail(logs.get(i)));
                }
            }
            try {
                Collection<Node> nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                if (nodes.size() == brokers) {
                    return;
                }
                last = nodes.size() + " of " + brokers + " brokers registered";
            } catch (ExecutionException | TimeoutException e) {
                last = String.valueOf(e.getCause() != null ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka (" + brokers + " broker(s) at " + bootstrapServers + ") was not ready within "
                        + START_TIMEOUT.toSeconds() + " s (AdminClient: " + last + "); " + tail(logs.get(0)));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static Path writeConfig(Path dir, int nodeId, int port, int controllerPort, String voters, int brokers) {
        int internalReplicas = Math.min(3, brokers);
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "auto.create.topics.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "offsets.topic.replication.factor=" + internalReplicas,
                "transaction.state.log.replication.factor=" + internalReplicas,
                "transaction.state.log.min.isr=" + Math.min(2, brokers),
                "share.coordinator.state.topic.replication.factor=" + internalReplicas,
                "share.coordinator.state.topic.min.isr=" + Math.min(2, brokers),
                "");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka's server.properties in " + dir, e);
        }
    }

    /** Formats every broker's log directory (in parallel: each is a JVM start). */
    private static void format(List<Path> configs, String clusterId, Path dataRoot, List<Process> processes, long deadline) {
        List<Process> tools = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Path output = dataRoot.resolve("format-" + (i + 1) + ".log");
            outputs.add(output);
            tools.add(launch(command(FORMAT_HEAP, STORAGE_TOOL, List.of("format", "-t", clusterId, "-c", configs.get(i).toString())),
                    output, processes));
        }
        processes.addAll(tools);
        for (int i = 0; i < tools.size(); i++) {
            Process tool = tools.get(i);
            try {
                if (!tool.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("Kafka's " + STORAGE_TOOL + " format did not finish within " + START_TIMEOUT.toSeconds()
                            + " s; " + tail(outputs.get(i)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting Kafka's log directories", e);
            }
            if (tool.exitValue() != 0) {
                throw new IllegalStateException("Kafka's " + STORAGE_TOOL + " format exited with code " + tool.exitValue() + "; "
                        + tail(outputs.get(i)));
            }
        }
        processes.removeAll(tools);
        ChildProcesses.kill(tools); // exited: only forgets them
    }

    /** java, grid's JVM flags, Kafka's logging at INFO (to its log file), heap, this JVM's class path, the main class. */
    private static List<String> command(String heap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        command.addAll(JvmFlags.list());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.addAll(JavaCommand.extraOptions());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(JavaCommand.ownClassPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static Process launch(List<String> command, Path output, List<Process> processes) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            ChildProcesses.register(process);
            return process;
        } catch (IOException e) {
            stop(processes, null);
            throw new UncheckedIOException("cannot start " + command.get(0) + " for Kafka", e);
        }
    }

    private static void stop(List<Process> processes, Path dataRoot) {
        ChildProcesses.kill(new ArrayList<>(processes));
        if (dataRoot != null) {
            TempDirectories.delete(dataRoot);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    /** @return "the log FILE ends with:" and its last lines */
    static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 32 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return "the log " + log + " ends with:\n    " + String.join("\n    ", last);
        } catch (IOException e) {
            return "its log " + log + " cannot be read (" + e.getMessage() + ")";
        }
    }

    /** Kafka's clients log every refused connection at WARN while brokers start: only errors reach the harness's output. */
    private static void quietClients() {
        String key = "org.slf4j.simpleLogger.log.org.apache.kafka";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "error");
        }
    }
}
