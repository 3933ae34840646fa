package dev.grid.core.impl.security;

import com.hazelcast.client.impl.clientside.DefaultClientExtension;
import com.hazelcast.config.SocketInterceptorConfig;
import com.hazelcast.nio.SocketInterceptor;

/**
 * Hazelcast's community client extension, except that a {@link SecretSocketInterceptor} set in the
 * client's config runs on every connection it opens (the community edition ignores socket
 * interceptors). Hazelcast's client finds this class through
 * {@code META-INF/services/com.hazelcast.client.impl.ClientExtension}; every other client in the JVM
 * gets it too, and behaves exactly as with the default extension.
 */
public final class GridClientExtension extends DefaultClientExtension {

    @Override
    public SocketInterceptor createSocketInterceptor(SocketInterceptorConfig config) {
        if (config != null && config.isEnabled() && config.getImplementation() instanceof SecretSocketInterceptor interceptor) {
            return interceptor;
        }
        return super.createSocketInterceptor(config);
    }
}
