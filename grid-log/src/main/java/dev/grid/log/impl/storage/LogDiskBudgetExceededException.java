package dev.grid.log.impl.storage;

import java.nio.file.Path;

/**
 * An append refused because it would take the member over its {@link LogDiskBudget}; nothing of the
 * batch was written. The producer should get this error back; the member and the log carry on.
 */
public final class LogDiskBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final long bytesNeeded;
    private final long budgetBytes;
    private final long usedBytes;

    LogDiskBudgetExceededException(Path directory, long bytesNeeded, long budgetBytes, long usedBytes) {
        super("append to the log in " + directory + " refused: it needs " + bytesNeeded + " bytes, the member's log disk budget is "
                + budgetBytes + " bytes and its logs hold " + usedBytes + " bytes now; nothing of the batch was appended");
        this.directory = directory;
        this.bytesNeeded = bytesNeeded;
        this.budgetBytes = budgetBytes;
        this.usedBytes = usedBytes;
    }

    /** The directory of the log the append was for. */
    public Path directory() {
        return directory;
    }

    /** Bytes the refused batch needed. */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /** The member's budget in bytes. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Bytes the member's logs held when the append was refused. */
    public long usedBytes() {
        return usedBytes;
    }
}
