package dev.grid.log.impl.group;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.TopicPartition;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a group keeps replicated (on its cluster partition's owner and backups, moving with migration): the
 * committed offsets, and whether consumers of the group may hold partitions with the longest session timeout of
 * its members, so that a coordinator that starts afresh knows whether, and how long, to wait for them to rejoin.
 * Membership and assignment are not here: they live in the coordinator's memory only.
 */
final class GroupRecord implements IdentifiedDataSerializable {
    private String group;
    private final TreeMap<TopicPartition, Long> offsets = new TreeMap<>();
    private boolean membersMayHold;
    private long graceMillis;

    GroupRecord() {
    }

    GroupRecord(String group) {
        this.group = group;
    }

    String group() {
        return group;
    }

    /** @return the committed offset of each partition of the topic that has one */
    Map<Integer, Long> offsets(String topic) {
        Map<Integer, Long> committed = new TreeMap<>();
        for (Map.Entry<TopicPartition, Long> entry : offsets.subMap(new TopicPartition(topic, 0), true,
                new TopicPartition(topic, Integer.MAX_VALUE), true).entrySet()) {
            committed.put(entry.getKey().partition(), entry.getValue());
        }
        return committed;
    }

    Map<TopicPartition, Long> allOffsets() {
        return offsets;
    }

    void commit(Map<TopicPartition, Long> committed) {
        offsets.putAll(committed);
    }

    boolean membersMayHold() {
        return membersMayHold;
    }

    long graceMillis() {
        return graceMillis;
    }

    /**
     * Records that members may hold partitions, with a session timeout this long.
     *
     * @return whether that changed the record (and so backups must hear of it)
     */
    boolean memberJoined(long sessionTimeoutMillis) {
        boolean changed = !membersMayHold || graceMillis < sessionTimeoutMillis;
        membersMayHold = true;
        graceMillis = Math.max(graceMillis, sessionTimeoutMillis);
        return changed;
    }

    /**
     * Records that no consumer of the group holds a partition (the last member left): a coordinator that starts
     * afresh waits for nobody.
     *
     * @return whether that changed the record
     */
    boolean allLeft() {
        boolean changed = membersMayHold;
        membersMayHold = false;
        graceMillis = 0;
        return changed;
    }

    /** Sets what a backup operation carries. */
    void setMembership(boolean membersMayHold, long graceMillis) {
        this.membersMayHold = membersMayHold;
        this.graceMillis = graceMillis;
    }

    GroupRecord copy() {
        GroupRecord copy = new GroupRecord(group);
        copy.offsets.putAll(offsets);
        copy.membersMayHold = membersMayHold;
        copy.graceMillis = graceMillis;
        return copy;
    }

    @Override
    public int getFactoryId() {
        return GroupSerialization.F_ID;
    }

    @Override
    public int getClassId() {
        return GroupSerialization.RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(group);
        GroupIO.writeOffsets(out, offsets);
        out.writeBoolean(membersMayHold);
        out.writeLong(graceMillis);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        group = in.readString();
        offsets.clear();
        offsets.putAll(GroupIO.readOffsets(in));
        membersMayHold = in.readBoolean();
        graceMillis = in.readLong();
    }

    @Override
    public String toString() {
        return "GroupRecord{" + group + ", offsets=" + offsets + ", membersMayHold=" + membersMayHold + ", graceMillis=" + graceMillis + "}";
    }
}
