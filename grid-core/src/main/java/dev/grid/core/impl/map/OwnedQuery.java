package dev.grid.core.impl.map;

import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.impl.map.operations.MemberQueryResult;
import dev.grid.core.impl.map.query.MemberIndexQuery;
import dev.grid.core.impl.map.query.PartitionQuery;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A query on partitions this member owns, run here: from the member's indexes when the query has a plan there
 * ({@link OwnedIndexReads}, on the calling thread), the rest (every partition, if no plan or a migration intervened) each
 * on its own thread ({@link OwnedPartitionReads}, one task per partition thread); their answers combined into one. The
 * partitions this member did not own when their turn came are named in the answer, for the caller to ask their owners.
 * A member runs it for a {@code MemberQueryOperation} from another member, and directly for the partitions it owns
 * itself of a query it coordinates ({@link MapQueries#runAsync}).
 */
public final class OwnedQuery {
    private OwnedQuery() {
    }

    /**
     * Must not run on a partition thread (it waits for none, but its reads are queued on them).
     *
     * @param partitions the partitions to answer, each once
     * @return completed with the answer on the thread that read last, or exceptionally with the query's refusal (a sum
     *         over text)
     */
    public static CompletableFuture<MemberQueryResult> run(NodeEngine engine, GridMapService service, String name, QuerySpec spec,
                                                           int[] partitions) {
        MapContainer container = service.container(name);
        // one compiled query for every partition thread: it keeps no state between runs
        PartitionQuery query = new PartitionQuery(spec).deserializingWith(container.serialization()::toObject);
        MemberIndexQuery indexed = MemberIndexQuery.plan(query, container.memberIndexes());
        OwnedIndexReads.Outcome fromIndexes;
        try {
            fromIndexes = indexed == null ? null : OwnedIndexReads.run(engine, service, container, indexed, partitions);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // the query's refusal, as a partition's would be
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
        return OwnedPartitionReads.run(engine, onThreads, partition -> {
            QueryResult result = query.run(container.storeOrNull(partition));
            container.recordQuery(result.indexed());
            return result;
        }).thenApply(outcome -> {
            answers.addAll(outcome.answers().values());
            notOwned.addAll(outcome.notOwned());
            QueryResult combined = QueryResults.combine(spec, answers);
            if (spec.pageSize() > 0) {
                QueryResults.keepFirstByKey(combined, spec.pageSize() + 1, container.serialization()::toObject);
            }
            return new MemberQueryResult(combined, notOwned.stream().mapToInt(Integer::intValue).toArray());
        });
    }
}
