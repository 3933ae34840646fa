package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.builtin.StringCodec;
import dev.grid.lock.impl.proxy.SessionGrant;
import dev.grid.lock.impl.raft.model.GridCpGroupId;
import dev.grid.lock.impl.statemachine.LockOwnership;

import java.util.UUID;

import static com.hazelcast.client.impl.protocol.ClientMessage.PARTITION_ID_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.RESPONSE_BACKUP_ACKS_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.TYPE_FIELD_OFFSET;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.BYTE_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.INT_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.LONG_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.UUID_SIZE_IN_BYTES;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeInt;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeLong;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.decodeUUID;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeInt;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeLong;
import static com.hazelcast.client.impl.protocol.codec.builtin.FixedSizeTypesCodec.encodeUUID;

/**
 * Hand-built encoders and decoders of FencedLock's client messages, in the layout of Hazelcast's
 * generated codecs. Every request has the same shape: an initial frame with the message type,
 * correlation id, partition id (-1: any member serves it) and the fixed fields session id, thread
 * id, invocation id and timeout (unused ones 0 or null), then a frame with the lock's name (empty
 * for session calls). Responses carry a long (a fence, a hold count or a result code), the lock's
 * ownership, a session grant, or the CP group id; after those fixed fields, the initial frame of
 * every response ends with the CP leader the answering member knows (a nullable UUID), so the client
 * sends its next call there directly. A decoder that predates the leader field ignores it, and this
 * one reads no leader from a shorter frame (Hazelcast's rule for adding a field to a codec).
 */
public final class LockCodecs {
    private static final int SESSION_OFFSET = PARTITION_ID_FIELD_OFFSET + INT_SIZE_IN_BYTES;
    private static final int THREAD_OFFSET = SESSION_OFFSET + LONG_SIZE_IN_BYTES;
    private static final int UID_OFFSET = THREAD_OFFSET + LONG_SIZE_IN_BYTES;
    private static final int TIMEOUT_OFFSET = UID_OFFSET + UUID_SIZE_IN_BYTES;
    private static final int REQUEST_SIZE = TIMEOUT_OFFSET + LONG_SIZE_IN_BYTES;
    private static final int RESPONSE_OFFSET = RESPONSE_BACKUP_ACKS_FIELD_OFFSET + BYTE_SIZE_IN_BYTES;

    private LockCodecs() {
    }

    /** A decoded request. */
    public static final class LockRequest {
        public String name;
        public long sessionId;
        public long threadId;
        public UUID invocationUid;
        public long timeoutMillis;
    }

    public static ClientMessage encodeRequest(LockMessageType type, String name, long sessionId, long threadId, UUID uid,
                                              long timeoutMillis) {
        ClientMessage message = ClientMessage.createForEncode();
        message.setRetryable(true);
        message.setOperationName(type.operationName());
        ClientMessage.Frame frame = new ClientMessage.Frame(new byte[REQUEST_SIZE], UNFRAGMENTED_MESSAGE);
        encodeInt(frame.content, TYPE_FIELD_OFFSET, type.request());
        encodeInt(frame.content, PARTITION_ID_FIELD_OFFSET, -1);
        encodeLong(frame.content, SESSION_OFFSET, sessionId);
        encodeLong(frame.content, THREAD_OFFSET, threadId);
        encodeUUID(frame.content, UID_OFFSET, uid);
        encodeLong(frame.content, TIMEOUT_OFFSET, timeoutMillis);
        message.add(frame);
        StringCodec.encode(message, name == null ? "" : name);
        return message;
    }

    public static LockRequest decodeRequest(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        ClientMessage.Frame initial = frames.next();
        LockRequest request = new LockRequest();
        request.sessionId = decodeLong(initial.content, SESSION_OFFSET);
        request.threadId = decodeLong(initial.content, THREAD_OFFSET);
        request.invocationUid = decodeUUID(initial.content, UID_OFFSET);
        request.timeoutMillis = decodeLong(initial.content, TIMEOUT_OFFSET);
        request.name = StringCodec.decode(frames);
        return request;
    }

    private static ClientMessage response(LockMessageType type, UUID leader) {
        ClientMessage message = ClientMessage.createForEncode();
        int leaderOffset = RESPONSE_OFFSET + fixedResponseSize(type);
        ClientMessage.Frame frame = new ClientMessage.Frame(new byte[leaderOffset + UUID_SIZE_IN_BYTES], UNFRAGMENTED_MESSAGE);
        encodeInt(frame.content, TYPE_FIELD_OFFSET, type.response());
        encodeUUID(frame.content, leaderOffset, leader);
        message.add(frame);
        return message;
    }

    /** @return the size of a response's fixed fields, before the leader */
    private static int fixedResponseSize(LockMessageType type) {
        switch (type) {
            case OWNERSHIP:
                return 3 * LONG_SIZE_IN_BYTES + INT_SIZE_IN_BYTES;
            case CREATE_SESSION:
                return 3 * LONG_SIZE_IN_BYTES;
            default:
                return LONG_SIZE_IN_BYTES;
        }
    }

    /** @return the CP leader the answering member knew, or null (it knew none, or sent no leader field) */
    public static UUID decodeLeader(LockMessageType type, ClientMessage message) {
        byte[] content = initial(message);
        int leaderOffset = RESPONSE_OFFSET + fixedResponseSize(type);
        return content.length < leaderOffset + UUID_SIZE_IN_BYTES ? null : decodeUUID(content, leaderOffset);
    }

    private static byte[] initial(ClientMessage message) {
        return message.frameIterator().next().content;
    }

    public static ClientMessage encodeLongResponse(LockMessageType type, long value, UUID leader) {
        ClientMessage message = response(type, leader);
        encodeLong(initial(message), RESPONSE_OFFSET, value);
        return message;
    }

    public static long decodeLongResponse(ClientMessage message) {
        return decodeLong(initial(message), RESPONSE_OFFSET);
    }

    public static ClientMessage encodeOwnershipResponse(LockOwnership ownership, UUID leader) {
        ClientMessage message = response(LockMessageType.OWNERSHIP, leader);
        byte[] content = initial(message);
        encodeLong(content, RESPONSE_OFFSET, ownership.fence());
        encodeInt(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES, ownership.lockCount());
        encodeLong(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES + INT_SIZE_IN_BYTES, ownership.sessionId());
        encodeLong(content, RESPONSE_OFFSET + 2 * LONG_SIZE_IN_BYTES + INT_SIZE_IN_BYTES, ownership.threadId());
        return message;
    }

    public static LockOwnership decodeOwnershipResponse(ClientMessage message) {
        byte[] content = initial(message);
        return new LockOwnership(decodeLong(content, RESPONSE_OFFSET), decodeInt(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES),
                decodeLong(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES + INT_SIZE_IN_BYTES),
                decodeLong(content, RESPONSE_OFFSET + 2 * LONG_SIZE_IN_BYTES + INT_SIZE_IN_BYTES));
    }

    public static ClientMessage encodeSessionResponse(SessionGrant grant, UUID leader) {
        ClientMessage message = response(LockMessageType.CREATE_SESSION, leader);
        byte[] content = initial(message);
        encodeLong(content, RESPONSE_OFFSET, grant.id());
        encodeLong(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES, grant.ttlMillis());
        encodeLong(content, RESPONSE_OFFSET + 2 * LONG_SIZE_IN_BYTES, grant.heartbeatMillis());
        return message;
    }

    public static SessionGrant decodeSessionResponse(ClientMessage message) {
        byte[] content = initial(message);
        return new SessionGrant(decodeLong(content, RESPONSE_OFFSET), decodeLong(content, RESPONSE_OFFSET + LONG_SIZE_IN_BYTES),
                decodeLong(content, RESPONSE_OFFSET + 2 * LONG_SIZE_IN_BYTES));
    }

    public static ClientMessage encodeGroupIdResponse(GridCpGroupId groupId, UUID leader) {
        ClientMessage message = response(LockMessageType.GROUP_ID, leader);
        encodeLong(initial(message), RESPONSE_OFFSET, groupId.getId());
        StringCodec.encode(message, groupId.getName());
        return message;
    }

    public static GridCpGroupId decodeGroupIdResponse(ClientMessage message) {
        ClientMessage.ForwardFrameIterator frames = message.frameIterator();
        long id = decodeLong(frames.next().content, RESPONSE_OFFSET);
        return new GridCpGroupId(StringCodec.decode(frames), id);
    }
}
