package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.OperationFactory;
import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.query.QuerySpec;

import java.io.IOException;

/**
 * Creates a map-wide query's operation (or an index's build) for every partition. Hazelcast sends one
 * operation per member carrying the partitions it owns, runs each partition's on its thread, and sends the
 * partitions that moved meanwhile to their new owners, one result per partition.
 */
public final class QueryOperationFactory implements OperationFactory {
    private String name;
    private QuerySpec spec;
    private String index;

    public QueryOperationFactory() {
    }

    private QueryOperationFactory(String name, QuerySpec spec, String index) {
        this.name = name;
        this.spec = spec;
        this.index = index;
    }

    public static QueryOperationFactory query(String name, QuerySpec spec) {
        return new QueryOperationFactory(name, spec, null);
    }

    public static QueryOperationFactory addIndex(String name, GridIndexConfig index) {
        return new QueryOperationFactory(name, null, index.encode());
    }

    @Override
    public Operation createOperation() {
        return index != null ? new AddIndexOperation(name, GridIndexConfig.decode(index)) : new QueryOperation(name, spec);
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.QUERY_OPERATION_FACTORY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeString(index);
        if (index == null) {
            spec.writeData(out);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        index = in.readString();
        if (index == null) {
            spec = new QuerySpec();
            spec.readData(in);
        }
    }
}
