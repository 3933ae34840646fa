package dev.grid.log.impl.storage;

/**
 * Settings of one replica's storage.
 *
 * @param segmentBytes       the active segment rolls before an append would take it past this size
 *                           (a batch larger than this still goes, alone, into a fresh segment)
 * @param maxRecordBytes     largest encoded record ({@link LogRecord#encodedSize()}) an append accepts
 * @param indexIntervalBytes bytes of batches between two entries of the sparse offset and time indexes
 */
public record LogStorageConfig(int segmentBytes, int maxRecordBytes, int indexIntervalBytes) {
    /** 64 MiB segments, 1 MiB records, an index entry every 4 KiB (docs/log-storage-design.md). */
    public static final LogStorageConfig DEFAULT = new LogStorageConfig(64 << 20, 1 << 20, 4096);

    public LogStorageConfig {
        if (segmentBytes <= BatchFormat.HEADER_SIZE) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + " must be larger than a batch header (" + BatchFormat.HEADER_SIZE + ")");
        }
        if (maxRecordBytes < BatchFormat.RECORD_OVERHEAD || maxRecordBytes > Integer.MAX_VALUE - BatchFormat.HEADER_SIZE) {
            throw new IllegalArgumentException("maxRecordBytes " + maxRecordBytes + " must be in [" + BatchFormat.RECORD_OVERHEAD + ", "
                    + (Integer.MAX_VALUE - BatchFormat.HEADER_SIZE) + "]");
        }
        if (indexIntervalBytes <= 0) {
            throw new IllegalArgumentException("indexIntervalBytes " + indexIntervalBytes + " must be positive");
        }
    }
}
