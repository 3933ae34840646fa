package dev.grid.lock.impl.client;

import com.hazelcast.client.impl.spi.ClientProxy;
import com.hazelcast.client.impl.spi.ClientProxyDescriptor;
import com.hazelcast.client.impl.spi.ClientProxyDescriptorProvider;
import dev.grid.lock.impl.LockService;

/**
 * Registers the client-side FencedLock proxy with every client (found through META-INF/services,
 * so grid-core's client configuration needs to know nothing of grid-lock).
 */
public final class LockClientProxyDescriptorProvider implements ClientProxyDescriptorProvider {

    @Override
    public ClientProxyDescriptor[] createClientProxyDescriptors() {
        return new ClientProxyDescriptor[] {new ClientProxyDescriptor() {
            @Override
            public String getServiceName() {
                return LockService.SERVICE_NAME;
            }

            @Override
            public Class<? extends ClientProxy> getClientProxyClass() {
                return ClientFencedLockProxy.class;
            }
        }};
    }
}
