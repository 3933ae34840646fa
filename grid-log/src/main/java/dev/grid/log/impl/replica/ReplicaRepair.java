package dev.grid.log.impl.replica;

/**
 * A rebuild of an owner's log from a synchronous backup that is under way ({@link PartitionLog#beginRepair},
 * {@link PartitionLog#beginCatchUp}): where the copy starts and may end, and whether the bad tail is cut yet.
 * While one runs, the replica serves no reads or appends and pushes nothing to its backups.
 */
final class ReplicaRepair {
    /** What the repair is for, for messages: the corrupt batch, or the records a promoted replica lacks. */
    final String cause;
    /** The segment file to cut at its first bad batch before copying; null when nothing is cut (a catch-up). */
    final String corruptFile;
    /** The offset the copy starts at (the bad batch's, or the log end of a replica that lacks records). */
    final long from;
    /** The offset the copy stops at: the owner's log end when the bad batch was found ({@code Long.MAX_VALUE}: none). */
    final long until;
    /** Whether the owner's epoch starts once the copy is done (a promoted replica that lacked records). */
    final boolean epochAtEnd;
    boolean cut;

    ReplicaRepair(String cause, String corruptFile, long from, long until, boolean epochAtEnd) {
        this.cause = cause;
        this.corruptFile = corruptFile;
        this.from = from;
        this.until = until;
        this.epochAtEnd = epochAtEnd;
        this.cut = corruptFile == null;
    }
}
