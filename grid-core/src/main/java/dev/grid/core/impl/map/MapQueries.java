package dev.grid.core.impl.map;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.operationservice.OperationService;
import dev.grid.core.GridException;
import dev.grid.core.config.GridIndexConfig;
import com.hazelcast.cluster.Member;
import dev.grid.core.impl.map.operations.IndexDefinitionsOperation;
import dev.grid.core.impl.map.operations.QueryOperationFactory;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.cluster.Address;
import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.spi.exception.WrongTargetException;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.executionservice.ExecutionService;
import dev.grid.core.impl.map.operations.MemberQueryOperation;
import dev.grid.core.impl.map.operations.MemberQueryResult;
import dev.grid.core.impl.map.operations.QueryOperation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.concurrent.CompletionException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Map-wide queries and index builds, as the member proxy and the client's message tasks run them: a query goes to each
 * member once for the partitions it owns ({@link #runAsync}); an index build is one {@link QueryOperationFactory} call
 * over every partition.
 */
public final class MapQueries {
    private MapQueries() {
    }

    /** @return every partition's answer to the query, combined */
    public static QueryResult run(NodeEngine engine, String name, QuerySpec spec) {
        try {
            return runAsync(engine, name, spec).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                // a partition's refusal (a sum over text, a bad index): the caller sees it as the member threw it
                throw cause;
            }
            throw new GridException("GridMap '" + name + "': query failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs the query on every partition ({@link #runAsync(NodeEngine, String, QuerySpec, int[])}).
     *
     * @return completed with every partition's answer combined, or exceptionally with a partition's refusal
     */
    public static CompletableFuture<QueryResult> runAsync(NodeEngine engine, String name, QuerySpec spec) {
        int[] every = new int[engine.getPartitionService().getPartitionCount()];
        Arrays.setAll(every, p -> p);
        return runAsync(engine, name, spec, every);
    }

    /**
     * Runs the query on the given partitions with one {@link MemberQueryOperation} per member, carrying the partitions the
     * partition table gives it (those this member owns are read here, on the calling thread, with no operation:
     * {@link OwnedQuery}); the partitions a member did not read (they moved, or it left) are then asked of their owners
     * one {@link QueryOperation} each, so each partition answers exactly once.
     *
     * @param partitions the partitions to answer, each once
     * @return completed with the partitions' answers combined, or exceptionally with a partition's refusal
     */
    public static CompletableFuture<QueryResult> runAsync(NodeEngine engine, String name, QuerySpec spec, int[] partitions) {
        IPartitionService partitionService = engine.getPartitionService();
        Address self = engine.getThisAddress();
        Map<Address, List<Integer>> byOwner = new HashMap<>();
        List<Integer> ownerless = new ArrayList<>();
        for (int p : partitions) {
            Address owner = partitionService.getPartitionOwner(p);
            if (owner == null) {
                ownerless.add(p);
            } else {
                byOwner.computeIfAbsent(owner, a -> new ArrayList<>()).add(p);
            }
        }
        OperationService operations = engine.getOperationService();
        List<QueryResult> partials = Collections.synchronizedList(new ArrayList<>());
        List<Integer> retry = Collections.synchronizedList(new ArrayList<>(ownerless));
        List<CompletableFuture<Void>> members = new ArrayList<>();
        byOwner.forEach((owner, owned) -> {
            int[] ids = owned.stream().mapToInt(Integer::intValue).toArray();
            CompletableFuture<MemberQueryResult> answer = owner.equals(self)
                    ? OwnedQuery.run(engine, engine.getService(GridMapService.SERVICE_NAME), name, spec, ids)
                    : operations.invokeOnTarget(GridMapService.SERVICE_NAME, new MemberQueryOperation(name, spec, ids), owner);
            members.add(answer.handle((result, error) -> {
                if (error == null) {
                    partials.add(result.combined());
                    for (int p : result.notOwned()) {
                        retry.add(p);
                    }
                    return null;
                }
                if (!memberGone(error)) {
                    throw error instanceof CompletionException c ? c : new CompletionException(error);
                }
                retry.addAll(owned);
                return null;
            }));
        });
        return CompletableFuture.allOf(members.toArray(CompletableFuture<?>[]::new)).thenCompose(all -> {
            if (retry.isEmpty()) {
                return CompletableFuture.completedFuture(QueryResults.combine(spec, partials));
            }
            // this member's own read may end on a partition thread, which may not invoke on many partitions: go on another
            Executor async = engine.getExecutionService().getExecutor(ExecutionService.ASYNC_EXECUTOR);
            return CompletableFuture.supplyAsync(() -> operations.<Object>invokeOnPartitionsAsync(GridMapService.SERVICE_NAME,
                    QueryOperationFactory.query(name, spec), new ArrayList<>(retry)), async).thenCompose(moved -> moved).thenApply(moved -> {
                        List<QueryResult> answers = new ArrayList<>(partials);
                        answers.addAll(partials(moved, engine.getSerializationService()));
                        return QueryResults.combine(spec, answers);
                    });
        });
    }

    /** @return whether the failure says the member is no longer there to answer (its partitions go to their owners) */
    /**
     * @return whether a query's failure says the member asked is not there to answer (its answer never came: ask its
     *         partitions' owners, or another member), as a member or a client sees it
     */
    public static boolean memberGone(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MemberLeftException || cause instanceof TargetNotMemberException
                || cause instanceof TargetDisconnectedException || cause instanceof HazelcastInstanceNotActiveException
                || cause instanceof WrongTargetException;
    }

    /** @return each partition's answer, as Hazelcast returned it (objects or serialized) */
    static List<QueryResult> partials(Map<Integer, Object> results, SerializationService serialization) {
        List<QueryResult> partials = new ArrayList<>(results.size());
        for (Object result : results.values()) {
            partials.add(serialization.toObject(result));
        }
        return partials;
    }

    /**
     * Adds the index on every partition (owners and backups), after checking its attribute against the map's
     * declared value class and against a sample of the stored values.
     *
     * @throws IllegalArgumentException naming the map and the attribute if the check refuses it
     */
    public static void addIndex(OperationService operations, SerializationService serialization, Collection<Member> members,
                                MapContainer container, GridIndexConfig index) {
        String name = container.name();
        container.config().checkIndexAttribute(index);
        QueryResult check = QueryResults.combine(QuerySpec.attributeCheck(index.getAttribute()), partials(onAllPartitions(
                operations, name, QueryOperationFactory.query(name, QuerySpec.attributeCheck(index.getAttribute())), "query"),
                serialization));
        refuseIfMissing(name, index, check);
        build(operations, members, container, index);
    }

    /**
     * Defines the index on every member (those that hold no replica of the map's partitions included), then
     * builds it on every partition's owner and backups.
     */
    public static void build(OperationService operations, Collection<Member> members, MapContainer container, GridIndexConfig index) {
        container.defineIndex(index);
        List<CompletableFuture<Object>> defined = new ArrayList<>();
        for (Member member : members) {
            if (!member.localMember()) {
                defined.add(operations.<Object>invokeOnTarget(GridMapService.SERVICE_NAME,
                        new IndexDefinitionsOperation(Map.of(container.name(), List.of(index))), member.getAddress()));
            }
        }
        defined.forEach(CompletableFuture::join);
        onAllPartitions(operations, container.name(), QueryOperationFactory.addIndex(container.name(), index), "addIndex");
    }

    /** @throws IllegalArgumentException if values were sampled and not one had the attribute */
    public static void refuseIfMissing(String name, GridIndexConfig index, QueryResult check) {
        if (check.count() == 0 && check.longSum() > 0) {
            throw new IllegalArgumentException("GridMap '" + name + "': cannot add the " + index + ": none of the "
                    + check.longSum() + " stored values sampled (up to 16 per partition) has an attribute '"
                    + index.getAttribute() + "' (a field, getter or accessor along the path); nothing was added");
        }
    }

    private static Map<Integer, Object> onAllPartitions(OperationService operations, String name, QueryOperationFactory factory,
                                                        String what) {
        try {
            return operations.invokeOnAllPartitions(GridMapService.SERVICE_NAME, factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e.getCause() instanceof RuntimeException cause) {
                // a partition's refusal (a sum over text, a bad index): the caller sees it as the member threw it
                throw cause;
            }
            throw new GridException("GridMap '" + name + "': " + what + " failed: " + e.getMessage(), e);
        }
    }
}
