package dev.grid.log;

/**
 * An append refused because it would take the member's replicas past {@code grid.log.diskBudget}. Nothing of the
 * append is stored; the member keeps serving reads and other partitions. Retention or a larger budget makes room.
 */
public class LogDiskFullException extends LogException {
    private static final long serialVersionUID = 1L;

    public LogDiskFullException(String message) {
        super(message);
    }
}
