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
import dev.grid.core.impl.map.MapContainer;
import dev.grid.core.impl.map.OwnedIndexReads;
import dev.grid.core.impl.map.OwnedPartitionReads;
import dev.grid.core.impl.map.query.MemberIndexQuery;
import dev.grid.core.impl.map.query.PartitionQuery;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A query on the partitions one member owns, sent to that member once: it answers them from the member's indexes when
 * the query has a plan there ({@link OwnedIndexReads}, on this operation's thread), and reads the rest (every
 * partition, if no plan or a migration intervened) each on its own thread ({@link OwnedPartitionReads}, one task per
 * partition thread); it combines their answers there and sends one. The
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
        GridMapService service = getService();
        MapContainer container = service.container(name);
        // one compiled query for every partition thread: it keeps no state between runs
        PartitionQuery query = new PartitionQuery(spec).deserializingWith(container.serialization()::toObject);
        MemberIndexQuery indexed = MemberIndexQuery.plan(query, container.memberIndexes());
        OwnedIndexReads.Outcome fromIndexes;
        try {
            fromIndexes = indexed == null ? null : OwnedIndexReads.run(getNodeEngine(), service, container, indexed, partitions);
        } catch (RuntimeException e) {
            sendResponse(e); // the query's refusal (a sum over text), as a partition's would be
            return;
        }
        List<QueryResult> answers = new ArrayList<>();
        List<Integer> notOwned = new ArrayList<>();
        int[] onThreads = partitions;
        if (fromIndexes != null) {
            answers.addAll(fromIndexes.answered().answered());
            container.recordMemberIndexQueries(fromIndexes.answered().read());
            notOwned.addAll(fromIndexes.notOwned());
            onThreads = fromIndexes.unread().stream().mapToInt(Integer::intValue).toArray();
        }
        OwnedPartitionReads.run(getNodeEngine(), onThreads, partition -> {
            QueryResult result = query.run(container.storeOrNull(partition));
            container.recordQuery(result.indexed());
            return result;
        }).whenComplete((outcome, error) -> {
            if (error != null) {
                sendResponse(error);
                return;
            }
            answers.addAll(outcome.answers().values());
            notOwned.addAll(outcome.notOwned());
            QueryResult combined = QueryResults.combine(spec, answers);
            if (spec.pageSize() > 0) {
                QueryResults.keepFirstByKey(combined, spec.pageSize() + 1, container.serialization()::toObject);
            }
            sendResponse(new MemberQueryResult(combined, notOwned.stream().mapToInt(Integer::intValue).toArray()));
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
