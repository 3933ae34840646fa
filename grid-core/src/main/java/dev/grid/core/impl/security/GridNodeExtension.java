package dev.grid.core.impl.security;

import com.hazelcast.config.SocketInterceptorConfig;
import com.hazelcast.instance.EndpointQualifier;
import com.hazelcast.instance.impl.DefaultNodeExtension;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.networking.ChannelInitializer;
import com.hazelcast.internal.server.ServerContext;
import com.hazelcast.nio.MemberSocketInterceptor;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;

import java.util.function.Function;

/**
 * Hazelcast's community node extension with two of the hooks it leaves closed opened for grid:
 * the socket interceptor (a {@link SecretSocketInterceptor} set in the member's Hazelcast config
 * runs on every member connection), and the connections' initializer (a {@link ClientFrameGuard}
 * bounds every client message).
 */
final class GridNodeExtension extends DefaultNodeExtension {
    private final long maxMessageBytes;

    GridNodeExtension(Node node, long maxMessageBytes) {
        super(node);
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public MemberSocketInterceptor getSocketInterceptor(EndpointQualifier endpointQualifier) {
        SocketInterceptorConfig config = node.getConfig().getNetworkConfig().getSocketInterceptorConfig();
        if (config != null && config.getImplementation() instanceof MemberSocketInterceptor interceptor) {
            return interceptor;
        }
        return super.getSocketInterceptor(endpointQualifier);
    }

    @Override
    public Function<EndpointQualifier, ChannelInitializer> createChannelInitializerFn(ServerContext serverContext) {
        Function<EndpointQualifier, ChannelInitializer> hazelcasts = super.createChannelInitializerFn(serverContext);
        int receiveBufferBytes = clientReceiveBufferBytes(serverContext.properties());
        return qualifier -> {
            ChannelInitializer initializer = hazelcasts.apply(qualifier);
            return initializer == null ? null : new GuardedChannelInitializer(initializer, maxMessageBytes, receiveBufferBytes);
        };
    }

    /** The receive buffer Hazelcast gives a client connection. */
    private static int clientReceiveBufferBytes(HazelcastProperties properties) {
        int kilobytes = properties.getInteger(ClusterProperty.SOCKET_CLIENT_RECEIVE_BUFFER_SIZE);
        if (kilobytes == -1) {
            kilobytes = properties.getInteger(ClusterProperty.SOCKET_RECEIVE_BUFFER_SIZE);
        }
        return kilobytes * ServerContext.KILO_BYTE;
    }
}
