package dev.grid.log;

/**
 * A read (or a seek by time) that met a corrupt or truncated batch in the segment files of the partition's owner, when
 * no synchronous backup can give the records back (the cluster runs with {@code grid.backupCount} 0, or the partition
 * has no backup now). The message names the partition, the owner, the segment file, the byte position and what is
 * wrong. The records before the bad batch are still served; the member keeps running.
 *
 * <p>With a synchronous backup the owner rebuilds the partition from it instead, and reads wait meanwhile (see
 * {@code docs/log.md}, "Corrupt or truncated files").
 *
 * @since 0.1
 */
public class CorruptRecordException extends LogException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }
}
