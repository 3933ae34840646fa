package dev.grid.lock.impl;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/** Registers grid-lock's services on every member (found through META-INF/services): the CP group and FencedLock. */
public final class GridLockServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {
            descriptor(CpService.SERVICE_NAME, CpService::new),
            descriptor(LockService.SERVICE_NAME, LockService::new),
        };
    }

    private static ServiceDescriptor descriptor(String name, java.util.function.Function<NodeEngine, Object> factory) {
        return new ServiceDescriptor() {
            @Override
            public String getServiceName() {
                return name;
            }

            @Override
            public Object getService(NodeEngine nodeEngine) {
                return factory.apply(nodeEngine);
            }
        };
    }
}
