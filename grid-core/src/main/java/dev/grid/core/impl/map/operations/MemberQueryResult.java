package dev.grid.core.impl.map.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.impl.GridCoreDataSerializerHook;
import dev.grid.core.impl.map.query.QueryResult;

import java.io.IOException;

/** A member's answer to a {@link MemberQueryOperation}: its partitions' answers combined, and the partitions it did not read. */
public final class MemberQueryResult implements IdentifiedDataSerializable {
    private QueryResult combined;
    private int[] notOwned;

    public MemberQueryResult() {
    }

    public MemberQueryResult(QueryResult combined, int[] notOwned) {
        this.combined = combined;
        this.notOwned = notOwned;
    }

    /** @return the answers of the partitions the member read, combined */
    public QueryResult combined() {
        return combined;
    }

    /** @return the partitions the member did not own (or that were migrating) when their turn came: not read */
    public int[] notOwned() {
        return notOwned;
    }

    @Override
    public int getFactoryId() {
        return GridCoreDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridCoreDataSerializerHook.MEMBER_QUERY_RESULT;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        combined.writeData(out);
        out.writeIntArray(notOwned);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        combined = new QueryResult();
        combined.readData(in);
        notOwned = in.readIntArray();
    }
}
