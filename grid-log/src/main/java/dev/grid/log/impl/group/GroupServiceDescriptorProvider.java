package dev.grid.log.impl.group;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/** Registers grid-log's consumer group service on every member (found through META-INF/services). */
public final class GroupServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {new ServiceDescriptor() {
            @Override
            public String getServiceName() {
                return GroupService.SERVICE_NAME;
            }

            @Override
            public Object getService(NodeEngine nodeEngine) {
                return new GroupService(nodeEngine);
            }
        }};
    }
}
