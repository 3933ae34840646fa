package dev.grid.stream.impl;

import com.hazelcast.cluster.Address;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import dev.grid.log.ProducerRecord;
import dev.grid.log.spi.MemberLog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The log sink's vertex: checks on the coordinator that the topic exists, and gives each member one {@link LogSinkP}. */
final class LogSinkMetaSupplier<T> implements ProcessorMetaSupplier {
    private static final long serialVersionUID = 1L;
    private static final int LOCAL_PARALLELISM = 1;

    private final String topic;
    private final FunctionEx<? super T, ProducerRecord> recordFn;
    private final int timeoutSeconds;

    LogSinkMetaSupplier(String topic, FunctionEx<? super T, ProducerRecord> recordFn, int timeoutSeconds) {
        this.topic = topic;
        this.recordFn = recordFn;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public int preferredLocalParallelism() {
        return LOCAL_PARALLELISM;
    }

    @Override
    public void init(Context context) {
        StreamErrors.checkTopic(MemberLog.of(context.hazelcastInstance()), topic, "sink");
    }

    @Override
    public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
        Supplier<T> supplier = new Supplier<>(topic, recordFn, timeoutSeconds);
        return address -> supplier;
    }

    /** A member's processors. */
    private record Supplier<T>(String topic, FunctionEx<? super T, ProducerRecord> recordFn, int timeoutSeconds) implements ProcessorSupplier {
        private static final long serialVersionUID = 1L;

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> processors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                processors.add(new LogSinkP<>(topic, recordFn, timeoutSeconds));
            }
            return processors;
        }
    }
}
