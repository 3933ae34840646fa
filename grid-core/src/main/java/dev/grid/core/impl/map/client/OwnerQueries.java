package dev.grid.core.impl.map.client;

import dev.grid.core.impl.map.MapQueries;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QueryResults;
import dev.grid.core.impl.map.query.QuerySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A client's query sent to each member for the partitions the client's partition table says it owns, all at once, so
 * each member answers straight to the client (no member gathers the others' answers and encodes them again). A member
 * answers every partition it is sent, reading those it owns and asking the owners of any others
 * ({@code QueryPartitionsMessageTask}), so a stale table costs time, never an entry. Partitions without a known owner,
 * and those of a member that left before it answered, are sent to any member. Each partition is answered once: an
 * answer is used whole or, if the call failed, not at all.
 */
final class OwnerQueries {
    /** Sends a query of some partitions to a member, or to any member for null; the answer's supplier waits for it. */
    interface Sender {
        Supplier<QueryResult> send(UUID member, int[] partitions);
    }

    private OwnerQueries() {
    }

    /**
     * @param owners each partition's owner in the client's table, or null
     * @return every partition's answer, combined
     * @throws RuntimeException a member's refusal of the query, as the member threw it
     */
    static QueryResult run(QuerySpec spec, int partitionCount, IntFunction<UUID> owners, Sender sender) {
        Map<UUID, List<Integer>> byOwner = new LinkedHashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            byOwner.computeIfAbsent(owners.apply(p), m -> new ArrayList<>()).add(p);
        }
        List<int[]> sent = new ArrayList<>(byOwner.size());
        List<Supplier<QueryResult>> pending = new ArrayList<>(byOwner.size());
        byOwner.forEach((member, partitions) -> {
            int[] ids = partitions.stream().mapToInt(Integer::intValue).toArray();
            sent.add(ids);
            pending.add(sender.send(member, ids));
        });
        List<QueryResult> answers = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            try {
                answers.add(pending.get(i).get());
            } catch (RuntimeException e) {
                if (!MapQueries.memberGone(e)) {
                    throw e;
                }
                answers.add(sender.send(null, sent.get(i)).get()); // its partitions, asked of a member that is there
            }
        }
        return QueryResults.combine(spec, answers);
    }
}
