package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.query.PartitionQuery;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;

import java.io.IOException;

/**
 * A query on one partition, on its owner's partition thread: Hazelcast runs it only where the partition
 * table names this member the owner (else the caller retries it on the new owner), and nothing else touches
 * the partition while it runs, so the answer is the partition's whole content at one moment.
 */
public final class QueryOperation extends GridMapOperation implements ReadonlyOperation {
    private QuerySpec spec;
    private transient QueryResult result;

    public QueryOperation() {
    }

    public QueryOperation(String name, QuerySpec spec) {
        super(name);
        this.spec = spec;
    }

    @Override
    public void run() {
        MapContainer container = container();
        result = new PartitionQuery(spec).deserializingWith(container.serialization()::toObject).run(storeOrNull());
        container.recordQuery(result.indexed());
    }

    @Override
    public Object getResponse() {
        return result;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.QUERY;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        super.writeInternal(out);
        spec.writeData(out);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        super.readInternal(in);
        spec = new QuerySpec();
        spec.readData(in);
    }
}
