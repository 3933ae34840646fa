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
import java.util.List;
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

    /** A member's processors. */
    private record Supplier<T>(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection,
                               EventTimePolicy<? super T> eventTimePolicy) implements ProcessorSupplier {
        private static final long serialVersionUID = 1L;

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> processors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                processors.add(new LogSourceP<>(topic, options, projection, eventTimePolicy, LogSourceP.offsetsInSnapshot()));
            }
            return processors;
        }
    }
}
