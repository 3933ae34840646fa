package dev.grid.stream.impl;

import com.hazelcast.cluster.Address;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.ProcessorMetaSupplier;
import com.hazelcast.jet.core.ProcessorSupplier;
import dev.grid.core.spi.MemberContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The GridMap source's vertex: checks on the coordinator that the map exists, and gives each member one
 * {@link GridMapSourceP} per local processor; Jet splits the cluster partitions among them.
 */
final class GridMapSourceMetaSupplier implements ProcessorMetaSupplier {
    private static final long serialVersionUID = 1L;
    /** Each processor reads on partition threads and waits: two per member keep two partitions busy. */
    private static final int LOCAL_PARALLELISM = 2;

    private final String map;

    GridMapSourceMetaSupplier(String map) {
        this.map = map;
    }

    @Override
    public int preferredLocalParallelism() {
        return LOCAL_PARALLELISM;
    }

    @Override
    public void init(Context context) {
        StreamErrors.checkMap(MemberContext.of(context.hazelcastInstance()).maps(), map, "source");
    }

    @Override
    public Function<? super Address, ? extends ProcessorSupplier> get(List<Address> addresses) {
        Supplier supplier = new Supplier(map);
        return address -> supplier;
    }

    /** A member's processors. */
    private record Supplier(String map) implements ProcessorSupplier {
        private static final long serialVersionUID = 1L;

        @Override
        public Collection<? extends Processor> get(int count) {
            List<Processor> processors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                processors.add(new GridMapSourceP(map));
            }
            return processors;
        }
    }
}
