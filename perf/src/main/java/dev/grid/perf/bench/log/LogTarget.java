package dev.grid.perf.bench.log;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One log system deployed for {@code grid bench log} (grid-log, Kafka, Redis Streams): its servers are running and
 * this JVM is their client over TCP. Records are {@link LogOptions#recordSize()} bytes and carry a stamp (the intended
 * send time of a latency run, in {@link System#nanoTime()} units, or a sequence number), which the system's reader gives
 * back.
 */
interface LogTarget extends AutoCloseable {

    /** @return {@code grid}, {@code kafka} or {@code redis} */
    LogSystem system();

    /** @return how it was deployed and how its clients are set, for the report */
    Map<String, String> settings();

    /** @return its server processes */
    List<Long> childPids();

    /** Creates a topic of {@code partitions} partitions (Redis: one stream per partition). */
    void createTopic(String topic, int partitions);

    /** @return a producer; one thread calls it */
    Writer writer();

    /** @return a reader of one partition, from its first record; one thread calls it */
    Reader reader(String topic, int partition);

    /** Stops the servers and deletes their data. */
    @Override
    void close();

    /** Told of every record's outcome, on the client's threads. */
    interface Acks {
        void acknowledged();

        void failed(Throwable error);
    }

    /** A producer. */
    interface Writer extends AutoCloseable {
        /**
         * Queues a record (may wait for room in the client's buffer).
         *
         * @param partition the partition, or -1 to let the client spread records over the topic's partitions
         */
        void send(String topic, int partition, long stamp, Acks acks);

        /** Called between sends of a fixed-rate run: a client without a sender thread of its own sends what lingered. */
        default void idle() {
        }

        /** Sends everything queued and waits for every outcome. */
        void flush();

        @Override
        void close();
    }

    /** A reader of one partition. */
    interface Reader extends AutoCloseable {
        /**
         * Reads the next records, waiting up to {@code maxWait} for some.
         *
         * @param stamps given each record's stamp, in order
         * @return how many records were read
         */
        int poll(Duration maxWait, LongConsumer stamps);

        @Override
        void close();
    }
}
