package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.MessageTaskFactory;
import com.hazelcast.client.impl.protocol.MessageTaskFactoryProvider;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.util.collection.Int2ObjectHashMap;
import com.hazelcast.spi.impl.NodeEngine;

/** Tells a member which task serves each grid-log request type (found through META-INF/services). */
public final class LogMessageTaskFactoryProvider implements MessageTaskFactoryProvider {
    private final Int2ObjectHashMap<MessageTaskFactory> factories = new Int2ObjectHashMap<>();

    public LogMessageTaskFactoryProvider(NodeEngine nodeEngine) {
        Node node = nodeEngine.getNode();
        factories.put(LogMessageType.PARTITION.request(), (message, connection) -> new LogPartitionMessageTask(message, node, connection));
        factories.put(LogMessageType.MEMBER.request(), (message, connection) -> new LogMemberMessageTask(message, node, connection));
        factories.put(LogMessageType.TXN.request(), (message, connection) -> new LogTxnMessageTask(message, node, connection));
    }

    @Override
    public Int2ObjectHashMap<MessageTaskFactory> getFactories() {
        return factories;
    }
}
