package dev.grid.stream.impl;

import com.hazelcast.jet.JetException;
import com.hazelcast.jet.RestartableException;
import dev.grid.core.spi.MemberMaps;
import dev.grid.log.CorruptRecordException;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.spi.MemberLog;

/** The checks a job's sources and sinks make when it initialises, each failing with a message naming what is missing. */
final class StreamErrors {

    private StreamErrors() {
    }

    /**
     * @return the topic's partition count
     * @throws IllegalArgumentException naming the topic, if it does not exist
     */
    static int checkTopic(MemberLog log, String topic) {
        return checkTopic(log, topic, "source");
    }

    /**
     * @param role "source" or "sink", for the message
     * @return the topic's partition count
     * @throws IllegalArgumentException naming the topic, if it does not exist
     */
    static int checkTopic(MemberLog log, String topic, String role) {
        try {
            return log.partitions(topic);
        } catch (UnknownTopicException e) {
            throw new IllegalArgumentException("grid-stream log " + role + ": topic '" + topic + "' does not exist; create it before "
                    + "submitting the job (GridLog.createTopic or `grid topic create`)", e);
        }
    }

    /** @throws IllegalArgumentException naming the map, if no member or client has created it and no configuration names it */
    static void checkMap(MemberMaps maps, String map, String role) {
        if (!maps.exists(map)) {
            throw new IllegalArgumentException("grid-stream GridMap " + role + ": map '" + map + "' does not exist (create it with "
                    + "grid.map(\"" + map + "\") or configure grid.maps." + map + " before submitting the job)");
        }
    }

    /**
     * @param what   what failed, naming the topic or map and where
     * @param failure why
     * @return the exception a processor throws: one that fails the job for what a restart cannot mend (the topic is gone,
     *         a record is corrupt), else a {@link RestartableException}, so that Jet restarts the job from its last
     *         snapshot (a member left while a read or write was on its way, say) instead of failing it
     */
    static JetException failure(String what, Throwable failure) {
        String message = what + ": " + failure.getMessage();
        if (failure instanceof UnknownTopicException || failure instanceof PartitionOutOfRangeException
                || failure instanceof CorruptRecordException) {
            return new JetException(message, failure);
        }
        return new RestartableException(message, failure);
    }
}
