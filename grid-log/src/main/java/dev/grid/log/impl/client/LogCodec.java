package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.builtin.DataCodec;
import com.hazelcast.internal.serialization.Data;

import static com.hazelcast.client.impl.protocol.ClientMessage.PARTITION_ID_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.RESPONSE_BACKUP_ACKS_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.TYPE_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.BYTE_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.INT_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeInt;

/**
 * grid-log's client messages, in the layout of Hazelcast's generated codecs: a request is an initial frame (type,
 * correlation id, partition id) and one frame with the serialized operation or call; a response is an initial frame
 * and one nullable frame with the serialized answer.
 */
public final class LogCodec {
    private static final int REQUEST_SIZE = PARTITION_ID_FIELD_OFFSET + INT_SIZE_IN_BYTES;
    private static final int RESPONSE_SIZE = RESPONSE_BACKUP_ACKS_FIELD_OFFSET + BYTE_SIZE_IN_BYTES;

    private LogCodec() {
    }

    public static ClientMessage encodeRequest(LogMessageType type, int partitionId, Data payload, boolean retryable) {
        ClientMessage message = ClientMessage.createForEncode();
        message.setRetryable(retryable);
        message.setOperationName(type.operationName());
        ClientMessage.Frame frame = new ClientMessage.Frame(new byte[REQUEST_SIZE], UNFRAGMENTED_MESSAGE);
        encodeInt(frame.content, TYPE_FIELD_OFFSET, type.request());
        encodeInt(frame.content, PARTITION_ID_FIELD_OFFSET, partitionId);
        message.add(frame);
        DataCodec.encode(message, payload);
        return message;
    }

    public static Data decodeRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        return DataCodec.decode(frames);
    }

    public static ClientMessage encodeResponse(LogMessageType type, Data answer) {
        ClientMessage message = ClientMessage.createForEncode();
        ClientMessage.Frame frame = new ClientMessage.Frame(new byte[RESPONSE_SIZE], UNFRAGMENTED_MESSAGE);
        encodeInt(frame.content, TYPE_FIELD_OFFSET, type.response());
        message.add(frame);
        DataCodec.encodeNullable(message, answer);
        return message;
    }

    public static Data decodeResponse(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        frames.next();
        return DataCodec.decodeNullable(frames);
    }
}
