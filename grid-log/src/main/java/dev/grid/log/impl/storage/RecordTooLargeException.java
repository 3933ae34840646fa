package dev.grid.log.impl.storage;

/** A record whose encoded size is above {@link LogStorageConfig#maxRecordBytes()}; nothing of its batch was appended. */
public final class RecordTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    RecordTooLargeException(int index, long size, int max) {
        super("record " + index + " of the batch is " + size + " bytes encoded, above the maximum record size of " + max
                + " bytes; nothing of the batch was appended");
    }
}
