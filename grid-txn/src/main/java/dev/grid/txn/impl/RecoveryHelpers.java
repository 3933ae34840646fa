package dev.grid.txn.impl;

import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import com.hazelcast.transaction.HazelcastXAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import java.sql.SQLException;

/**
 * The {@link XAResourceRecoveryHelper}s grid registers with Narayana's XA recovery module: one for the grid's XA
 * resource, one per data source. The resources they hand out are observed, so recovery's outcomes become events.
 */
final class RecoveryHelpers {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryHelpers.class);

    private RecoveryHelpers() {
    }

    static XAResourceRecoveryHelper grid(HazelcastXAResource xa, String clusterName, int timeoutFloorSeconds, BranchObserver observer) {
        XAResource[] resources = {new ObservedXAResource(TxnScopeImpl.GRID_RESOURCE, xa, observer, timeoutFloorSeconds,
                ResourceManagerNames.grid(clusterName))};
        return new XAResourceRecoveryHelper() {
            @Override
            public boolean initialise(String p) {
                return true;
            }

            @Override
            public XAResource[] getXAResources() {
                return resources;
            }

            @Override
            public String toString() {
                return "grid recovery helper";
            }
        };
    }

    /** A helper that keeps one XA connection to the database open between scans, and reopens it when it fails. */
    static final class DataSourceHelper implements XAResourceRecoveryHelper {
        private final String name;
        private final XADataSource dataSource;
        private final BranchObserver observer;
        private XAConnection connection;
        private XAResource[] resources;

        DataSourceHelper(String name, XADataSource dataSource, BranchObserver observer) {
            this.name = name;
            this.dataSource = dataSource;
            this.observer = observer;
        }

        @Override
        public boolean initialise(String p) {
            return true;
        }

        @Override
        public synchronized XAResource[] getXAResources() {
            try {
                if (connection != null && !isValid(connection)) {
                    close();
                }
                if (connection == null) {
                    connection = dataSource.getXAConnection();
                    resources = new XAResource[]{new ObservedXAResource(name, connection.getXAResource(), observer, 0,
                            ResourceManagerNames.dataSource(name))};
                }
                return resources;
            } catch (SQLException e) {
                LOG.warn("recovery: data source '{}' cannot be reached, its in-doubt branches wait for the next scan: {}", name, e.toString());
                close();
                return new XAResource[0];
            }
        }

        private static boolean isValid(XAConnection xaConnection) {
            try {
                return xaConnection.getConnection().isValid(5);
            } catch (SQLException e) {
                return false;
            }
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing recovery connection of '{}': {}", name, e.toString());
                }
            }
            connection = null;
            resources = null;
        }

        @Override
        public String toString() {
            return "recovery helper of data source '" + name + "'";
        }
    }
}
