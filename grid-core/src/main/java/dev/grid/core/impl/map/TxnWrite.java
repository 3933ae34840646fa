package dev.grid.core.impl.map;

/** What a transaction will do to a key it locked when it commits. */
public enum TxnWrite {
    /** Nothing: the key was only locked (getForUpdate, or a conditional write whose condition failed). */
    LOCK_ONLY,
    /** Store the transaction's value. */
    PUT,
    /** Remove the key. */
    REMOVE;

    private static final TxnWrite[] VALUES = values();

    /** @return the write a code read from the wire stands for */
    public static TxnWrite ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("no transactional GridMap write has code " + code);
        }
        return VALUES[code];
    }

    public int code() {
        return ordinal();
    }
}
