package dev.grid.perf.bench.log;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Apache Kafka 4.4.0: {@link KafkaCluster} (replicated: 3 brokers, topics with replication factor 2 and
 * min.insync.replicas 2; single: 1 broker, replication factor 1), reached through Kafka's Java clients:
 * {@link KafkaProducer} (acks=all, idempotent, the linger and batch bytes of the options) and {@link KafkaConsumer}
 * without a group ({@code assign}, {@code seekToBeginning}).
 */
final class KafkaLogTarget implements LogTarget {
    private final Topology topology;
    private final LogOptions options;
    private final KafkaCluster cluster;

    private KafkaLogTarget(Topology topology, LogOptions options, KafkaCluster cluster) {
        this.topology = topology;
        this.options = options;
        this.cluster = cluster;
    }

    static KafkaLogTarget start(Topology topology, LogOptions options, Path logDirectory) {
        return new KafkaLogTarget(topology, options, KafkaCluster.start(topology.servers(), options.serverHeap(), logDirectory));
    }

    @Override
    public LogSystem system() {
        return LogSystem.KAFKA;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("servers", topology.servers() + " broker JVM(s) (-Xmx" + options.serverHeap() + "), KRaft, each broker also a controller; "
                + "topics: replication.factor " + topology.copies() + ", min.insync.replicas " + topology.copies()
                + "; log flushed by the OS (Kafka's default)");
        s.put("producer", "KafkaProducer: " + join(producerSettings()));
        s.put("reader", "KafkaConsumer without a group, assign + seekToBeginning: " + join(consumerSettings()));
        return s;
    }

    @Override
    public List<Long> childPids() {
        return cluster.pids();
    }

    @Override
    public void createTopic(String topic, int partitions) {
        cluster.createTopic(topic, partitions, topology.copies(), topology.copies());
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(options.linger().toMillis()));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(options.batchBytes()));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(LogOptions.BUFFER_BYTES));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put("max.in.flight.requests.per.connection", "5");
        return p;
    }

    private static Map<String, Object> consumerSettings() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(LogOptions.READ_BYTES));
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return c;
    }

    @Override
    public Writer writer() {
        Map<String, Object> config = new HashMap<>(producerSettings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "grid-bench-producer");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        int size = options.recordSize();
        return new Writer() {
            private Acks lastAcks;
            private Callback callback;

            @Override
            public void send(String topic, int partition, long stamp, Acks acks) {
                if (acks != lastAcks) {
                    lastAcks = acks;
                    callback = (metadata, error) -> {
                        if (error == null) {
                            acks.acknowledged();
                        } else {
                            acks.failed(error);
                        }
                    };
                }
                producer.send(new ProducerRecord<>(topic, partition < 0 ? null : partition, null, RecordCodec.bytes(stamp, size)), callback);
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(10));
            }
        };
    }

    @Override
    public Reader reader(String topic, int partition) {
        Map<String, Object> config = new HashMap<>(consumerSettings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "grid-bench-consumer");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        return new Reader() {
            @Override
            public int poll(Duration maxWait, LongConsumer stamps) {
                int n = 0;
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(maxWait)) {
                    stamps.accept(RecordCodec.stamp(r.value()));
                    n++;
                }
                return n;
            }

            @Override
            public void close() {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
        };
    }

    @Override
    public void close() {
        cluster.close();
    }

    private static String join(Map<String, Object> settings) {
        StringBuilder s = new StringBuilder();
        settings.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
