package dev.grid.txn.impl;

import com.arjuna.ats.jta.xa.XidImple;

import javax.transaction.xa.Xid;
import java.util.HexFormat;

/** Transaction ids as grid shows them: Narayana's transaction Uid, read from a Xid when possible. */
final class TxIds {
    private TxIds() {
    }

    static String of(Xid xid) {
        try {
            return new XidImple(xid).getTransactionUid().stringForm();
        } catch (RuntimeException e) {
            return "xid:" + xid.getFormatId() + ":" + HexFormat.of().formatHex(xid.getGlobalTransactionId());
        }
    }
}
