package dev.grid.txn.impl;

import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.ObjectStoreIterator;
import com.arjuna.ats.arjuna.objectstore.StoreManager;
import dev.grid.txn.GridTransactionException;
import dev.grid.txn.InDoubtTransaction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lists the transaction log's committed-but-unfinished transactions (Narayana's AtomicAction records). */
final class InDoubtLog {
    private static final String ATOMIC_ACTION_TYPE = "/StateManager/BasicAction/TwoPhaseCoordinator/AtomicAction";

    private InDoubtLog() {
    }

    static List<InDoubtTransaction> read(Set<String> excludeTxIds) {
        List<InDoubtTransaction> result = new ArrayList<>();
        try {
            ObjectStoreIterator iterator = new ObjectStoreIterator(StoreManager.getRecoveryStore(), ATOMIC_ACTION_TYPE);
            for (Uid uid = iterator.iterate(); uid != null && uid.notEquals(Uid.nullUid()); uid = iterator.iterate()) {
                String txId = uid.stringForm();
                if (!excludeTxIds.contains(txId)) {
                    result.add(new InDoubtTransaction(txId, List.of()));
                }
            }
        } catch (ObjectStoreException | IOException e) {
            throw new GridTransactionException("cannot read the transaction log in " + NarayanaRuntime.objectStoreDirectory() + ": " + e, e);
        }
        return result;
    }
}
