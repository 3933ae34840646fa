package dev.grid.stream.impl;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.jet.impl.exception.CancellationByUserException;
import com.hazelcast.logging.ILogger;
import dev.grid.log.ProducerRecord;
import dev.grid.log.spi.MemberLog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The log sink's vertex: checks on the coordinator that the topic exists, and gives each member one {@link LogSinkP}.
 *
 * <p>When an {@code EXACTLY_ONCE} job is cancelled, it rolls back, on the coordinator, every transaction the job's sink
 * still has prepared: those of a snapshot whose phase 2 did not come, and those prepared early since the last snapshot.
 * No execution of the job will come to commit or roll them back (a restart does, {@link LogSinkP}), and left alone they
 * would keep their records prepared until the sink's timeout aborts them, and their XA branches listed for good.
 */
final class LogSinkMetaSupplier<T> implements ProcessorMetaSupplier {
    private static final long serialVersionUID = 1L;
    private static final int LOCAL_PARALLELISM = 1;

    private final String topic;
    private final FunctionEx<? super T, ProducerRecord> recordFn;
    private final int timeoutSeconds;
    private transient HazelcastInstance hazelcast;
    private transient ILogger logger;
    private transient long jobId;
    private transient int vertexHash;
    private transient boolean exactlyOnce;

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
        hazelcast = context.hazelcastInstance();
        logger = context.logger();
        jobId = context.jobId();
        vertexHash = LogSinkTxnId.vertexHash(context.vertexName());
        exactlyOnce = context.processingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE;
    }

    /** The execution ended; if the job was cancelled, nothing will commit what its sink prepared: roll it back. */
    @Override
    public void close(Throwable error) {
        if (hazelcast == null || !exactlyOnce || !cancelledByUser(error)) {
            return;
        }
        LogSinkXa xa = new LogSinkXa(hazelcast.getXAResource(), logger, topic);
        for (LogSinkTxnId id : xa.prepared(id -> id.jobId() == jobId && id.vertexHash() == vertexHash)) {
            xa.rollback(id, "the job was cancelled");
        }
    }

    private static boolean cancelledByUser(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CancellationByUserException) {
                return true;
            }
        }
        return false;
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
