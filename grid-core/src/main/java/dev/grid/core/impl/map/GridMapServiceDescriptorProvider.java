package dev.grid.core.impl.map;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/** Registers the GridMap service on every member (found through META-INF/services). */
public final class GridMapServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {new ServiceDescriptor() {
            @Override
            public String getServiceName() {
                return GridMapService.SERVICE_NAME;
            }

            @Override
            public Object getService(NodeEngine nodeEngine) {
                return new GridMapService(nodeEngine);
            }
        }};
    }
}
