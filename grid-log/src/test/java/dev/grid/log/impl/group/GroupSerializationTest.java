package dev.grid.log.impl.group;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.core.spi.ModuleIds;
import dev.grid.log.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupSerializationTest {
    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition B3 = new TopicPartition("b", 3);

    /** Finds grid-log's factory through the hooks on the class path, as a member does. */
    private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder().build();

    /** Writes, reads back, writes again: the same bytes, the same class and class id. */
    private <T extends IdentifiedDataSerializable> T roundTrip(T object) {
        Data data = serialization.toData(object);
        T read = serialization.toObject(data);
        assertEquals(object.getClass(), read.getClass());
        assertEquals(object.getClassId(), read.getClassId());
        assertArrayEquals(data.toByteArray(), serialization.toData(read).toByteArray(), object.getClass().getSimpleName());
        return read;
    }

    @Test
    void everyTypeSurvivesTheWireWithGridLogsFactoryIdAndAClassIdFrom100To149() {
        GroupRecord record = new GroupRecord("g");
        record.commit(Map.of(A0, 5L, B3, 7L));
        record.memberJoined(2_000);
        List<IdentifiedDataSerializable> all = List.of(
                new JoinGroupOperation("g", null, "label", List.of("a", "b"), 2_000, Map.of("a", 1, "b", 4), Set.of(A0)),
                new HeartbeatOperation("g", "m1", Set.of(A0, B3)),
                new LeaveGroupOperation("g", "m1"),
                new CommitOffsetsOperation("g", "m1", Map.of(A0, 3L)),
                new FetchOffsetsOperation("g", "a"),
                new DescribeGroupOperation("g"),
                GroupBackupOperation.of(record, Map.of(B3, 9L)),
                new GroupReplicationOperation(List.of(record)),
                record,
                new AssignmentResponse(new GroupAssignment(GroupAssignment.Status.OK, "m1", 3, Set.of(A0, B3))),
                new CommittedOffsets(Map.of(0, 5L, 3, 7L)),
                new GroupDescription(List.of(new GroupMemberInfo("m1", "l", List.of("a"), 2_000, 10, List.of(A0), List.of(B3)))));
        for (IdentifiedDataSerializable object : all) {
            assertEquals(ModuleIds.LOG.factoryId(), object.getFactoryId());
            assertTrue(object.getClassId() >= 100 && object.getClassId() <= 149, object.getClass() + ": " + object.getClassId());
            roundTrip(object);
        }
    }

    @Test
    void answersKeepTheirContents() {
        GroupAssignment assignment = roundTrip(new AssignmentResponse(new GroupAssignment(GroupAssignment.Status.OK, "m1", 3, Set.of(A0, B3))))
                .assignment();
        assertEquals(new GroupAssignment(GroupAssignment.Status.OK, "m1", 3, Set.of(A0, B3)), assignment);
        assertTrue(roundTrip(new AssignmentResponse(GroupAssignment.unknownMember(4))).assignment().isUnknownMember());
        assertEquals(Map.of(0, 5L, 3, 7L), roundTrip(new CommittedOffsets(Map.of(0, 5L, 3, 7L))).offsets());
        GroupRecord record = new GroupRecord("g");
        record.commit(Map.of(A0, 5L, B3, 7L));
        record.memberJoined(2_000);
        GroupRecord read = roundTrip(record);
        assertEquals(Map.of(3, 7L), read.offsets("b"));
        assertTrue(read.membersMayHold());
        assertEquals(2_000, read.graceMillis());
    }

    @Test
    void aHostileCountIsRefused() {
        assertThrows(java.io.IOException.class, () -> GroupIO.count(-1));
        assertThrows(java.io.IOException.class, () -> GroupIO.count(Integer.MAX_VALUE));
    }
}
