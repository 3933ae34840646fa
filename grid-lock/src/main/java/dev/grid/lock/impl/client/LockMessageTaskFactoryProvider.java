package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.protocol.MessageTaskFactory;
import com.hazelcast.client.impl.protocol.MessageTaskFactoryProvider;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.util.collection.Int2ObjectHashMap;
import com.hazelcast.spi.impl.NodeEngine;

/**
 * Registers FencedLock's client message tasks on every member (found through META-INF/services;
 * Hazelcast calls the NodeEngine constructor).
 */
public final class LockMessageTaskFactoryProvider implements MessageTaskFactoryProvider {
    private final Int2ObjectHashMap<MessageTaskFactory> factories = new Int2ObjectHashMap<>();

    public LockMessageTaskFactoryProvider(NodeEngine nodeEngine) {
        Node node = nodeEngine.getNode();
        for (LockMessageType type : LockMessageType.values()) {
            factories.put(type.request(), (message, connection) -> new LockMessageTask(type, message, node, connection));
        }
    }

    @Override
    public Int2ObjectHashMap<MessageTaskFactory> getFactories() {
        return factories;
    }
}
