package dev.grid.log.impl.client;

import dev.grid.core.spi.ModuleIds;

/**
 * grid-log's client message types: {@code 0xC3MM00} requests and {@code 0xC3MM01} responses (service byte
 * {@link ModuleIds#LOG}). Every call carries one serialized object: an operation for a partition's owner, or a member
 * call. Never reuse or renumber an id once released.
 */
public enum LogMessageType {
    /** An operation (marked {@code ClientRoutable}) run on the owner of the message's partition. */
    PARTITION(0x01, "GridLog.Partition"),
    /** A {@code MemberCall} run on the member that receives it. */
    MEMBER(0x02, "GridLog.Member"),
    /** A {@code TxnLogCall} of a client's transaction, run on the member the transaction lives on. */
    TXN(0x03, "GridLog.Transaction");

    private final int request;
    private final String operationName;

    LogMessageType(int method, String operationName) {
        this.request = ModuleIds.LOG.messageServiceByte() << 16 | method << 8;
        this.operationName = operationName;
    }

    public int request() {
        return request;
    }

    public int response() {
        return request | 0x01;
    }

    public String operationName() {
        return operationName;
    }
}
