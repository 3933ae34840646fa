package dev.grid.stream.impl;

import com.hazelcast.cluster.Address;
import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import dev.grid.core.spi.MemberContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The GridMap sink's vertex: checks on the coordinator that the map exists, and gives each member its {@link GridMapSinkP}s. */
final class GridMapSinkMetaSupplier<T, K, V> implements ProcessorMetaSupplier {
    private static final long serialVersionUID = 1L;
    private static final int LOCAL_PARALLELISM = 1;

    private final String map;
    private final FunctionEx<? super T, ? extends K> keyFn;
    private final FunctionEx<? super T, ? extends V> valueFn;

    GridMapSinkMetaSupplier(String map, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn) {
        this.map = map;
        this.keyFn = keyFn;
        this.valueFn = valueFn;
    }

    @Override
    public int preferredLocalParallelism() {
        return LOCAL_PARALLELISM;
    }

    @Override
    public void init(Context context) {
        StreamErrors.checkMap(MemberContext.of(context.hazelcastInstance()).maps(), map, "sink");
    }

    @Override
    public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
        Supplier<T, K, V> supplier = new Supplier<>(map, keyFn, valueFn);
        return address -> supplier;
    }

    /** A member's processors. */
    private record Supplier<T, K, V>(String map, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn)
            implements ProcessorSupplier {
        private static final long serialVersionUID = 1L;

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> processors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                processors.add(new GridMapSinkP<>(map, keyFn, valueFn));
            }
            return processors;
        }
    }
}
