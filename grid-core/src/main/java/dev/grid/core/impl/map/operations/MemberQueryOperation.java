package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.impl.operationservice.NamedOperation;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.ReadonlyOperation;
import com.hazelcast.spi.impl.operationservice.SelfResponseOperation;
import dev.grid.core.GridException;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.OwnedQuery;
import dev.grid.core.impl.map.query.QuerySpec;

import java.io.IOException;
import java.util.concurrent.CompletionException;

/**
 * A query on the partitions one member owns, sent to that member once ({@link OwnedQuery}: from the member's indexes
 * on this operation's thread where it can, else on the partitions' threads), answered with one combined answer. The
 * partitions it did not own when their turn came are named in the answer; the caller asks their owners with
 * {@link QueryOperation}s.
 */
public final class MemberQueryOperation extends Operation
        implements NamedOperation, ReadonlyOperation, SelfResponseOperation, IdentifiedDataSerializable {
    private String name;
    private QuerySpec spec;
    private int[] partitions;

    public MemberQueryOperation() {
    }

    public MemberQueryOperation(String name, QuerySpec spec, int[] partitions) {
        this.name = name;
        this.spec = spec;
        this.partitions = partitions;
    }

    @Override
    public void run() {
        OwnedQuery.run(getNodeEngine(), getService(), name, spec, partitions).whenComplete((answer, error) -> {
            if (error != null) {
                sendResponse(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                sendResponse(answer);
            }
        });
    }

    /** The answer is sent when the partition threads are done, not when {@link #run} returns. */
    @Override
    public boolean returnsResponse() {
        return false;
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Refusals of bad queries (a sum over text) go back to the caller; the member logs them at fine level only. */
    @Override
    public void logError(Throwable e) {
        if (e instanceof GridException || e instanceof IllegalArgumentException) {
            getLogger().fine("GridMap '" + name + "' refused a query: " + e.getMessage());
        } else {
            super.logError(e);
        }
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.MEMBER_QUERY;
    }

    @Override
    protected void writeInternal(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        spec.writeData(out);
        out.writeIntArray(partitions);
    }

    @Override
    protected void readInternal(ObjectDataInput in) throws IOException {
        name = in.readString();
        spec = new QuerySpec();
        spec.readData(in);
        partitions = in.readIntArray();
    }

    @Override
    protected void toString(StringBuilder sb) {
        sb.append(", map=").append(name).append(", partitions=").append(partitions.length);
    }
}
