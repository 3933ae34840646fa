package dev.grid.stream;

import com.hazelcast.cluster.Address;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import com.hazelcast.jet.impl.pipeline.SinkImpl;
import com.hazelcast.jet.impl.pipeline.transform.StreamSourceTransform;
import com.hazelcast.jet.impl.processor.ProcessorWrapper;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mutants the checkers of grid-stream's tests must catch, built here from the real source and sink by wrapping their
 * processors (Jet's {@code ProcessorWrapper}), so that the product has no switch for them. Each wrapper runs the real
 * processor and changes one thing:
 * <ul>
 *   <li>{@link #withoutOffsetsInSnapshots}: the log source saves nothing in a snapshot, so after a restart each
 *       partition starts again where the source's options say (the latest offsets: records appended meanwhile are
 *       skipped);</li>
 *   <li>{@link #committingAtOnce}: the log sink is told the job runs {@code AT_LEAST_ONCE}, so it commits each inbox
 *       at once, and what it wrote after the last snapshot is written again after a restart.</li>
 * </ul>
 * The wrappers are sent with the job; members that run it need this class on their class path (the tests' members do:
 * embedded ones, and {@code grid start} processes started with the tests' class path).
 */
public final class Mutants {
    private Mutants() {
    }

    /** @return the source, its processors saving nothing in snapshots */
    public static <T> StreamSource<T> withoutOffsetsInSnapshots(StreamSource<T> source) {
        StreamSourceTransform<T> transform = (StreamSourceTransform<T>) source;
        FunctionEx<? super com.hazelcast.jet.core.EventTimePolicy<? super T>, ? extends ProcessorMetaSupplier> real = transform.metaSupplierFn;
        return Sources.streamFromProcessorWithWatermarks(source.name() + "-without-offsets-in-snapshots", transform.supportsNativeTimestamps(),
                policy -> new WrappingMetaSupplier(real.apply(policy), NoSnapshotP::new));
    }

    /** @return the sink, its processors told the job runs {@code AT_LEAST_ONCE} */
    public static <T> Sink<T> committingAtOnce(Sink<T> sink) {
        ProcessorMetaSupplier real = ((SinkImpl<T>) sink).metaSupplier();
        return Sinks.fromProcessor(sink.name() + "-committing-at-once", new WrappingMetaSupplier(real, AtLeastOnceP::new));
    }

    /** A vertex that is the real one, each of its processors wrapped. */
    private record WrappingMetaSupplier(ProcessorMetaSupplier real, FunctionEx<Processor, Processor> wrap) implements ProcessorMetaSupplier {
        @Override
        public int preferredLocalParallelism() {
            return real.preferredLocalParallelism();
        }

        @Override
        public Permission getRequiredPermission() {
            return real.getRequiredPermission();
        }

        @Override
        public Map<String, String> getTags() {
            return real.getTags();
        }

        @Override
        public void init(Context context) throws Exception {
            real.init(context);
        }

        @Override
        public boolean initIsCooperative() {
            return real.initIsCooperative();
        }

        @Override
        public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
            Function<? super Address, ? extends ProcessorSupplier> suppliers = real.get(addresses);
            return address -> new WrappingSupplier(suppliers.apply(address), wrap);
        }

        @Override
        public boolean closeIsCooperative() {
            return real.closeIsCooperative();
        }

        @Override
        public void close(Throwable error) throws Exception {
            real.close(error);
        }
    }

    private record WrappingSupplier(ProcessorSupplier real, FunctionEx<Processor, Processor> wrap) implements ProcessorSupplier {
        @Override
        public void init(Context context) throws Exception {
            real.init(context);
        }

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> wrapped = new ArrayList<>();
            for (Processor processor : real.get(count)) {
                wrapped.add(wrap.apply(processor));
            }
            return wrapped;
        }

        @Override
        public void close(Throwable error) throws Exception {
            real.close(error);
        }
    }

    /** The mutant source processor: it saves nothing in a snapshot. */
    private static final class NoSnapshotP extends ProcessorWrapper {
        NoSnapshotP(Processor real) {
            super(real);
        }

        @Override
        public boolean saveToSnapshot() {
            return true;
        }
    }

    /** The mutant sink processor: its context says the job runs {@code AT_LEAST_ONCE}. */
    private static final class AtLeastOnceP extends ProcessorWrapper {
        AtLeastOnceP(Processor real) {
            super(real);
        }

        @Override
        protected Context initContext(Context context) {
            Context real = super.initContext(context);
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("processingGuarantee") && method.getParameterCount() == 0) {
                            return ProcessingGuarantee.AT_LEAST_ONCE;
                        }
                        try {
                            return method.invoke(real, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
