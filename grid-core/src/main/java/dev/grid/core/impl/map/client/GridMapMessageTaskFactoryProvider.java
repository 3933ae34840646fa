package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.MessageTaskFactory;
import com.hazelcast.client.impl.protocol.MessageTaskFactoryProvider;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.util.collection.Int2ObjectHashMap;
import com.hazelcast.spi.impl.NodeEngine;

/**
 * Tells a member which task serves each GridMap request type. Hazelcast finds this class through
 * {@code META-INF/services/com.hazelcast.client.impl.protocol.MessageTaskFactoryProvider} and creates
 * it, once per member, with its {@code NodeEngine}.
 */
public final class GridMapMessageTaskFactoryProvider implements MessageTaskFactoryProvider {
    private final Int2ObjectHashMap<MessageTaskFactory> factories = new Int2ObjectHashMap<>();

    public GridMapMessageTaskFactoryProvider(NodeEngine nodeEngine) {
        Node node = nodeEngine.getNode();
        add(GridMapMessageType.GET, (message, connection) -> new GetMessageTask(message, node, connection));
        add(GridMapMessageType.PUT, (message, connection) -> new PutMessageTask(message, node, connection));
        add(GridMapMessageType.SET, (message, connection) -> new SetMessageTask(message, node, connection));
        add(GridMapMessageType.PUT_IF_ABSENT, (message, connection) -> new PutIfAbsentMessageTask(message, node, connection));
        add(GridMapMessageType.REPLACE, (message, connection) -> new ReplaceMessageTask(message, node, connection));
        add(GridMapMessageType.REPLACE_IF_SAME, (message, connection) -> new ReplaceIfSameMessageTask(message, node, connection));
        add(GridMapMessageType.REMOVE, (message, connection) -> new RemoveMessageTask(message, node, connection));
        add(GridMapMessageType.REMOVE_IF_SAME, (message, connection) -> new RemoveIfSameMessageTask(message, node, connection));
        add(GridMapMessageType.DELETE, (message, connection) -> new DeleteMessageTask(message, node, connection));
        add(GridMapMessageType.CONTAINS_KEY, (message, connection) -> new ContainsKeyMessageTask(message, node, connection));
        add(GridMapMessageType.GET_ALL, (message, connection) -> new GetAllMessageTask(message, node, connection));
        add(GridMapMessageType.PUT_ALL, (message, connection) -> new PutAllMessageTask(message, node, connection));
        add(GridMapMessageType.SIZE, (message, connection) -> new SizeMessageTask(message, node, connection));
        add(GridMapMessageType.CLEAR, (message, connection) -> new ClearMessageTask(message, node, connection));
        add(GridMapMessageType.EXECUTE_ON_KEY, (message, connection) -> new ExecuteOnKeyMessageTask(message, node, connection));
        add(GridMapMessageType.FETCH_ENTRIES, (message, connection) -> new FetchEntriesMessageTask(message, node, connection));
        add(GridMapMessageType.FENCED_WRITE, (message, connection) -> new FencedWriteMessageTask(message, node, connection));
        add(GridMapMessageType.QUERY, (message, connection) -> new QueryMessageTask(message, node, connection));
        add(GridMapMessageType.QUERY_PARTITIONS, (message, connection) -> new QueryPartitionsMessageTask(message, node, connection));
        add(GridMapMessageType.ADD_INDEX, (message, connection) -> new AddIndexMessageTask(message, node, connection));
        for (GridMapMessageType type : GridMapMessageType.values()) {
            if (type.name().startsWith("TXN_")) {
                add(type, (message, connection) -> new TxnMapMessageTask(type, message, node, connection));
            }
        }
        for (GridMapMessageType type : GridMapMessageType.values()) {
            if (!factories.containsKey(type.request())) {
                throw new IllegalStateException("no message task for GridMap request " + type.operationName());
            }
        }
    }

    private void add(GridMapMessageType type, MessageTaskFactory factory) {
        if (factories.put(type.request(), factory) != null) {
            throw new IllegalStateException("two message tasks for GridMap request " + type.operationName());
        }
    }

    @Override
    public Int2ObjectHashMap<MessageTaskFactory> getFactories() {
        return factories;
    }
}
