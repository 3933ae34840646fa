package dev.grid.log.impl.client;

import com.hazelcast.internal.util.UUIDSerializationUtil;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import dev.grid.log.Header;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.GridLogDataSerializerHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One call of a client's {@link dev.grid.log.TransactionalGridLog}, sent to the member its transaction lives on: a
 * record to send, or a consumer group's offsets to commit, in transaction {@link #txnId}.
 */
public final class TxnLogCall implements IdentifiedDataSerializable {
    UUID txnId;
    /** A record to send, or null for an offset commit. */
    ProducerRecord record;
    String group;
    String memberId;
    Map<TopicPartition, Long> offsets;

    public TxnLogCall() {
    }

    static TxnLogCall send(UUID txnId, ProducerRecord record) {
        TxnLogCall call = new TxnLogCall();
        call.txnId = txnId;
        call.record = record;
        return call;
    }

    static TxnLogCall commitOffsets(UUID txnId, String group, String memberId, Map<TopicPartition, Long> offsets) {
        TxnLogCall call = new TxnLogCall();
        call.txnId = txnId;
        call.group = group;
        call.memberId = memberId;
        call.offsets = new TreeMap<>(offsets);
        return call;
    }

    @Override
    public int getFactoryId() {
        return GridLogDataSerializerHook.F_ID;
    }

    @Override
    public int getClassId() {
        return GridLogDataSerializerHook.TXN_CLIENT_CALL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        UUIDSerializationUtil.writeUUID(out, txnId);
        out.writeBoolean(record != null);
        if (record != null) {
            out.writeString(record.topic());
            out.writeInt(record.partition() == null ? -1 : record.partition());
            out.writeByteArray(record.key());
            out.writeByteArray(record.value());
            out.writeInt(record.headers().size());
            for (Header h : record.headers()) {
                out.writeString(h.key());
                out.writeByteArray(h.value());
            }
            out.writeLong(record.timestamp());
        } else {
            out.writeString(group);
            out.writeString(memberId);
            out.writeInt(offsets.size());
            for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
                out.writeString(e.getKey().topic());
                out.writeInt(e.getKey().partition());
                out.writeLong(e.getValue());
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        txnId = UUIDSerializationUtil.readUUID(in);
        if (in.readBoolean()) {
            String topic = in.readString();
            int partition = in.readInt();
            byte[] key = in.readByteArray();
            byte[] value = in.readByteArray();
            int headerCount = in.readInt();
            List<Header> headers = new ArrayList<>(Math.max(0, Math.min(headerCount, 1024)));
            for (int i = 0; i < headerCount; i++) {
                headers.add(new Header(in.readString(), in.readByteArray()));
            }
            record = new ProducerRecord(topic, partition < 0 ? null : partition, key, value, headers, in.readLong());
        } else {
            group = in.readString();
            memberId = in.readString();
            int count = in.readInt();
            offsets = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                offsets.put(new TopicPartition(in.readString(), in.readInt()), in.readLong());
            }
        }
    }
}
