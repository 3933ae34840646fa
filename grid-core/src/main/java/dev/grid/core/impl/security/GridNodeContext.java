package dev.grid.core.impl.security;

import com.hazelcast.instance.impl.DefaultNodeContext;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.instance.impl.NodeExtension;

/**
 * Hazelcast's default node context, except that the node's extension is {@link GridNodeExtension}.
 * A member started with it (through {@link GuardedMembers}) checks client message sizes and runs
 * the secret handshake its config asks for.
 */
final class GridNodeContext extends DefaultNodeContext {
    private final long maxMessageBytes;

    GridNodeContext(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public NodeExtension createNodeExtension(Node node) {
        return new GridNodeExtension(node, maxMessageBytes);
    }
}
