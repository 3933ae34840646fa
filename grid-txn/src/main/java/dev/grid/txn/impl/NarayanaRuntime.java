package dev.grid.txn.impl;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.coordinator.TxControl;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.RecoveryXids;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import dev.grid.core.config.GridConfigException;
import jakarta.transaction.TransactionManager;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Narayana's JVM-wide state: configured once, before first use, by the first {@link DefaultGridTransactions};
 * later instances share it when their settings are equal. Its recovery manager runs while at least one instance
 * is open.
 */
final class NarayanaRuntime {
    private static NarayanaSettings applied;
    private static ObjectStoreDirectory store;
    private static int users;

    private NarayanaRuntime() {
    }

    /**
     * Applies the settings (first caller) or checks them against the applied ones, and counts a user.
     *
     * @param directory          the object store directory (already checked writable)
     * @param configuredNodeId   the node identifier the config gives, if any
     * @param defaultNodeId      derives a node identifier when neither the config nor the store has one
     * @param settingsForNode    the full settings, given the node identifier
     * @return the settings in force
     */
    static synchronized NarayanaSettings acquire(Path directory, Optional<String> configuredNodeId,
                                                 java.util.function.Supplier<String> defaultNodeId,
                                                 Function<String, NarayanaSettings> settingsForNode) {
        if (applied != null) {
            String nodeId = configuredNodeId.orElse(applied.objectStoreDirectory().equals(directory) ? applied.nodeIdentifier() : defaultNodeId.get());
            NarayanaSettings wanted = settingsForNode.apply(nodeId);
            if (!wanted.equals(applied)) {
                throw new GridConfigException("txn", "this JVM's transaction manager (Narayana, one per JVM) is already configured with "
                        + applied.describe() + "; a GridTransactions asked for " + wanted.describe()
                        + ": use one GridTxnConfig (same object store, node identifier, timeouts and recovery settings) per JVM");
            }
            users++;
            startRecoveryIfFirst();
            return applied;
        }
        ObjectStoreDirectory opened = ObjectStoreDirectory.open(directory);
        try {
            String nodeId = configuredNodeId.or(opened::recordedNodeIdentifier).orElseGet(defaultNodeId);
            opened.recordNodeIdentifier(nodeId);
            NarayanaSettings settings = settingsForNode.apply(nodeId);
            apply(settings);
            applied = settings;
            store = opened;
        } catch (RuntimeException e) {
            opened.release();
            throw e;
        }
        users++;
        startRecoveryIfFirst();
        return applied;
    }

    /** Counts a user out; the last one stops the recovery manager (settings stay: Narayana cannot be reconfigured). */
    static synchronized void release() {
        if (users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            RecoveryManager.manager().terminate(false);
        }
    }

    static TransactionManager transactionManager() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    static XARecoveryModule xaRecoveryModule() {
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module == null) {
            throw new IllegalStateException("Narayana's recovery manager has no XARecoveryModule: check "
                    + "RecoveryEnvironmentBean.recoveryModuleClassNames");
        }
        return module;
    }

    static synchronized Path objectStoreDirectory() {
        return store == null ? null : store.directory();
    }

    private static void startRecoveryIfFirst() {
        if (users == 1) {
            RecoveryManager manager = RecoveryManager.manager(applied.recoveryEnabled()
                    ? RecoveryManager.INDIRECT_MANAGEMENT : RecoveryManager.DIRECT_MANAGEMENT);
            manager.initialize();
        }
    }

    private static void apply(NarayanaSettings settings) {
        String dir = settings.objectStoreDirectory().toString();
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(settings.nodeIdentifier());
        } catch (CoreEnvironmentBeanException e) {
            throw new GridConfigException("txn.nodeIdentifier", "txn.nodeIdentifier \"" + settings.nodeIdentifier()
                    + "\" refused by Narayana: " + e.getMessage(), e);
        }
        jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(settings.nodeIdentifier()));
        jtaPropertyManager.getJTAEnvironmentBean().setXAResourceRecordWrappingPlugin(new ResourceManagerNames.RecordPlugin());
        jtaPropertyManager.getJTAEnvironmentBean().setOrphanSafetyInterval(settings.orphanSafetyMillis());
        RecoveryXids.setSafetyIntervalMillis(settings.orphanSafetyMillis());
        arjPropertyManager.getCoordinatorEnvironmentBean().setDefaultTimeout(settings.defaultTimeoutSeconds());
        recoveryPropertyManager.getRecoveryEnvironmentBean().setPeriodicRecoveryPeriod(settings.recoveryPeriodSeconds());
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryBackoffPeriod(settings.recoveryBackoffSeconds());
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryListener(false);
        // TxControl copies the node identifier when its class initializes: if Narayana ran before this call,
        // the setting above came too late and Xids would carry another identity.
        if (!settings.nodeIdentifier().equals(TxControl.getXANodeName())) {
            throw new GridConfigException("txn", "Narayana was used in this JVM before GridTransactions configured it (its node "
                    + "identifier is \"" + TxControl.getXANodeName() + "\", not \"" + settings.nodeIdentifier()
                    + "\"): start GridTransactions before any other use of the transaction manager");
        }
    }
}
