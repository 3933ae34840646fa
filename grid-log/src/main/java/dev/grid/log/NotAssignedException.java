package dev.grid.log;

/**
 * A consumer committed an offset for a partition the group's coordinator has not assigned to it (any more):
 * after a rebalance, another member of the group holds that partition.
 */
public class NotAssignedException extends LogException {
    private static final long serialVersionUID = 1L;

    public NotAssignedException(String message) {
        super(message);
    }
}
