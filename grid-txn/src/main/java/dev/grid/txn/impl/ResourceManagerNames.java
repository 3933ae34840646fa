package dev.grid.txn.impl;

import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecord;
import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecordWrappingPlugin;
import org.jboss.tm.XAResourceWrapper;

import javax.transaction.xa.XAResource;

/**
 * Names of the resource managers grid enlists, stable across JVMs (the enlisting one and the one that recovers),
 * and the Narayana plugin that writes them into the transaction log with each branch.
 *
 * <p>Why: after a crash between two commits, the log still lists the resource that committed. Recovery looks
 * for that branch among the resource's prepared ones, does not find it, and cannot tell "committed" from "not
 * reachable" unless it knows which resource manager the branch belonged to and that it asked that one. With a
 * name, Narayana's {@code XARecoveryModule} records which resource managers answered {@code recover}, and a
 * branch missing from an answering one is complete.
 */
final class ResourceManagerNames {
    private ResourceManagerNames() {
    }

    /** @return the name of the grid cluster's XA resource manager */
    static String grid(String clusterName) {
        return "grid-txn/grid/" + clusterName;
    }

    /** @return the name of a registered data source's resource manager */
    static String dataSource(String dataSourceName) {
        return "grid-txn/jdbc/" + dataSourceName;
    }

    /**
     * Copies the resource manager's name (and product) of an enlisted {@link XAResourceWrapper} into its log record
     * ({@code JTAEnvironmentBean.xaResourceRecordWrappingPlugin}); Xids keep EIS name 0, as without the plugin.
     */
    static final class RecordPlugin implements XAResourceRecordWrappingPlugin {
        @Override
        public void transcribeWrapperData(XAResourceRecord record) {
            Object resource = record.value();
            if (resource instanceof XAResourceWrapper wrapper && wrapper.getJndiName() != null) {
                record.setJndiName(wrapper.getJndiName());
                record.setProductName(wrapper.getProductName());
                record.setProductVersion(wrapper.getProductVersion());
            }
        }

        @Override
        public Integer getEISName(XAResource xaResource) {
            return 0;
        }

        @Override
        public String getEISName(Integer eisName) {
            return String.valueOf(eisName);
        }
    }
}
