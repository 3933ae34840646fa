package dev.grid.lock.impl.client;

import dev.grid.core.spi.ModuleIds;

/**
 * Every client protocol message type of FencedLock, in one place. A type id is {@code 0xSSMMRR}, as
 * in Hazelcast's protocol: service byte {@code SS}, method byte {@code MM}, then {@code 00} for the
 * request and {@code 01} for its response.
 *
 * <p>Hazelcast does not check or reserve custom ids: a member merges the factories of every
 * {@code MessageTaskFactoryProvider} into one table, and a later provider silently overrides an
 * earlier one's id. Hazelcast 5.7.0 uses service bytes 0x00-0x24 and 0xFD-0xFF, GridMap 0xC1;
 * FencedLock takes 0xC2. {@code ClientLockTest} checks that no id collides with Hazelcast's own
 * tasks or GridMap's. Never reuse or renumber an id once released: clients and members of
 * different versions must agree on them.
 *
 * <p>Every call is safe to send again when the connection drops before its answer: lock calls
 * carry an invocation id the CP group answers repeats with (a repeated session creation at worst
 * opens a session that expires unused).
 */
public enum LockMessageType {
    CREATE_SESSION(0x01, "FencedLock.CreateSession", false),
    HEARTBEAT_SESSION(0x02, "FencedLock.HeartbeatSession", false),
    CLOSE_SESSION(0x03, "FencedLock.CloseSession", false),
    ACQUIRE(0x04, "FencedLock.Acquire", true),
    RELEASE(0x05, "FencedLock.Release", true),
    CANCEL_WAIT(0x06, "FencedLock.CancelWait", true),
    OWNERSHIP(0x07, "FencedLock.Ownership", true),
    DESTROY(0x08, "FencedLock.Destroy", true),
    GROUP_ID(0x09, "FencedLock.GroupId", false);

    /** The service byte of FencedLock's message types. */
    public static final int SERVICE_BYTE = ModuleIds.LOCK.messageServiceByte();

    private final int request;
    private final int response;
    private final String operationName;
    private final boolean namesALock;

    LockMessageType(int method, String operationName, boolean namesALock) {
        this.request = ModuleIds.LOCK.messageServiceByte() << 16 | method << 8;
        this.response = request | 0x01;
        this.operationName = operationName;
        this.namesALock = namesALock;
    }

    /** @return true for the calls on one lock, whose request carries the lock's name (session calls carry none) */
    public boolean namesALock() {
        return namesALock;
    }

    /** @return the request's message type id ({@code 0xC2MM00}) */
    public int request() {
        return request;
    }

    /** @return the response's message type id ({@code 0xC2MM01}) */
    public int response() {
        return response;
    }

    /** @return the name the client's diagnostics show for the call */
    public String operationName() {
        return operationName;
    }

    public String methodName() {
        String method = operationName.substring(operationName.indexOf('.') + 1);
        return Character.toLowerCase(method.charAt(0)) + method.substring(1);
    }
}
