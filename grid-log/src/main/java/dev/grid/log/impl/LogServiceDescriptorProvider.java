package dev.grid.log.impl;

import dev.grid.log.impl.txn.LogTxnService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptor;
import com.hazelcast.spi.impl.servicemanager.ServiceDescriptorProvider;

/** Registers grid-log's services (the log, and its transactional view) on every member (found through META-INF/services). */
public final class LogServiceDescriptorProvider implements ServiceDescriptorProvider {

    @Override
    public ServiceDescriptor[] createServiceDescriptors() {
        return new ServiceDescriptor[] {new ServiceDescriptor() {
            @Override
            public String getServiceName() {
                return GridLogService.SERVICE_NAME;
            }

            @Override
            public Object getService(NodeEngine nodeEngine) {
                return new GridLogService(nodeEngine);
            }
        }, new ServiceDescriptor() {
            @Override
            public String getServiceName() {
                return LogTxnService.SERVICE_NAME;
            }

            @Override
            public Object getService(NodeEngine nodeEngine) {
                return new LogTxnService(nodeEngine);
            }
        }};
    }
}
