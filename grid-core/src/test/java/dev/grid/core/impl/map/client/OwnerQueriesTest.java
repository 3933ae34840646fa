package dev.grid.core.impl.map.client;

import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.grid.core.GridPredicate;
import dev.grid.core.impl.map.query.QueryResult;
import dev.grid.core.impl.map.query.QuerySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The client's query to each partition owner: one request per member with exactly its partitions, the answers combined;
 * a member gone before it answered has its partitions asked of any member, once; a refusal is thrown as it is.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnerQueriesTest {
    private static final QuerySpec KEYS = QuerySpec.keys(GridPredicate.alwaysTrue());
    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);

    private final List<String> sent = new ArrayList<>();

    /** Answers a partition with one key, its number, as a member that owns it would. */
    private Supplier<QueryResult> answer(UUID member, int[] partitions) {
        sent.add(member + " " + partitions.length);
        QueryResult result = new QueryResult();
        for (int p : partitions) {
            result.keys().add(ByteBuffer.allocate(4).putInt(p).array());
        }
        return () -> result;
    }

    @Test
    void eachMemberShouldBeAskedOnceForItsPartitionsAndTheUnownedOnesOfAnyMember() {
        QueryResult all = OwnerQueries.run(KEYS, 10, p -> p < 3 ? A : p < 9 ? B : null, this::answer);

        assertEquals(List.of(A + " 3", B + " 6", "null 1"), sent);
        assertEquals(everyPartitionOnce(10), partitions(all));
    }

    @Test
    void aMemberGoneBeforeItAnsweredShouldHaveItsPartitionsAskedOfAnyMember() {
        QueryResult all = OwnerQueries.run(KEYS, 8, p -> p % 2 == 0 ? A : B, (member, ids) -> {
            Supplier<QueryResult> answer = answer(member, ids);
            if (B.equals(member)) {
                return () -> {
                    throw new TargetNotMemberException("gone");
                };
            }
            return answer;
        });

        assertEquals(List.of(A + " 4", B + " 4", "null 4"), sent);
        assertEquals(everyPartitionOnce(8), partitions(all));
    }

    @Test
    void aRefusalShouldBeThrownAsTheMemberThrewIt() {
        IllegalArgumentException refusal = new IllegalArgumentException("cannot sum text");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> OwnerQueries.run(KEYS, 4, p -> A,
                (member, ids) -> () -> {
                    throw refusal;
                }));
        assertSame(refusal, thrown);
    }

    private static List<Integer> partitions(QueryResult result) {
        List<Integer> partitions = new ArrayList<>();
        for (byte[] key : result.keys()) {
            partitions.add(ByteBuffer.wrap(key).getInt());
        }
        partitions.sort(null);
        return partitions;
    }

    private static List<Integer> everyPartitionOnce(int count) {
        List<Integer> every = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            every.add(p);
        }
        return every;
    }
}
