package dev.grid.stream.impl;

import com.hazelcast.cluster.Address;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.spi.MemberLog;
import dev.grid.stream.LogSourceOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The log source's vertex: checks on the job's coordinator, when the job (or a restart of it) initialises, that the
 * topic exists, and gives every member one {@link LogSourceP}. Which log partitions a processor reads follows from the
 * cluster partitions Jet assigns it ({@code processorPartitions()}): Jet assigns each cluster partition to exactly one
 * processor of the job, on its owner when the owner takes part, so every log partition is read exactly once.
 */
final class LogSourceMetaSupplier<T> implements ProcessorMetaSupplier {
    private static final long serialVersionUID = 1L;
    /** One processor per member: its reads are asynchronous, every partition's at once. */
    static final int LOCAL_PARALLELISM = 1;

    private final String topic;
    private final LogSourceOptions options;
    private final FunctionEx<ConsumerRecord, T> projection;
    private final EventTimePolicy<? super T> eventTimePolicy;

    LogSourceMetaSupplier(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection,
                          EventTimePolicy<? super T> eventTimePolicy) {
        this.topic = topic;
        this.options = options;
        this.projection = projection;
        this.eventTimePolicy = eventTimePolicy;
    }

    @Override
    public int preferredLocalParallelism() {
        return LOCAL_PARALLELISM;
    }

    @Override
    public void init(Context context) {
        StreamErrors.checkTopic(MemberLog.of(context.hazelcastInstance()), topic);
    }

    @Override
    public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
        Supplier<T> supplier = new Supplier<>(topic, options, projection, eventTimePolicy);
        return address -> supplier;
    }

    /**
     * A member's processors. Resolves where each of the member's log partitions starts without a snapshot when the
     * execution initialises on the member, before Jet reports the job running (processors initialise later, when the
     * execution starts), so that {@code fromLatest} covers every record appended once the job runs.
     */
    private static final class Supplier<T> implements ProcessorSupplier {
        private static final long serialVersionUID = 1L;

        private final String topic;
        private final LogSourceOptions options;
        private final FunctionEx<ConsumerRecord, T> projection;
        private final EventTimePolicy<? super T> eventTimePolicy;
        private transient Map<Integer, Long> starts;

        Supplier(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection, EventTimePolicy<? super T> eventTimePolicy) {
            this.topic = topic;
            this.options = options;
            this.projection = projection;
            this.eventTimePolicy = eventTimePolicy;
        }

        @Override
        public void init(Context context) {
            MemberLog log = MemberLog.of(context.hazelcastInstance());
            int partitions = StreamErrors.checkTopic(log, topic);
            Set<Integer> mine = new HashSet<>();
            for (int clusterPartition : context.memberPartitions()) {
                mine.add(clusterPartition);
            }
            starts = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                if (mine.contains(log.clusterPartition(topic, p))) {
                    starts.put(p, LogSourceP.startOffset(log, topic, p, options));
                }
            }
        }

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> processors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                processors.add(new LogSourceP<>(topic, options, projection, eventTimePolicy, starts));
            }
            return processors;
        }
    }
}
