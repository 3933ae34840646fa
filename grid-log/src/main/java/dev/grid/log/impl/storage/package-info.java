/**
 * Storage of one log-partition replica (issue 13; design in {@code docs/log-storage-design.md}). Pure
 * Java, no Hazelcast: {@link dev.grid.log.impl.storage.SegmentedLog} is the entry point.
 *
 * <h2>Files</h2>
 * A replica's directory holds segments. Each segment is named by its base offset (the offset of its
 * first record) as 20 zero-padded digits and has three files:
 * <ul>
 *   <li>{@code 00000000000000000000.log}: the record batches, back to back;</li>
 *   <li>{@code 00000000000000000000.index}: the sparse offset index, entries
 *       {@code [relativeOffset i32][position i32]} (8 bytes): the first record of the batch at
 *       {@code position} has offset {@code base + relativeOffset}; one entry per
 *       {@code indexIntervalBytes} of batches (and one for the first batch);</li>
 *   <li>{@code 00000000000000000000.timeindex}: the time index, entries
 *       {@code [maxTimestampSoFar i64][relativeOffset i32]} (12 bytes): every record of the segment up
 *       to and including offset {@code base + relativeOffset} has a timestamp at or below
 *       {@code maxTimestampSoFar}, so the entries are non-decreasing even when producer timestamps are
 *       not; written alongside the offset index entries.</li>
 * </ul>
 * The last segment is the active one: appends go there, and it rolls (a new segment starts at the log
 * end offset) before an append would take it past {@code segmentBytes}. Retention deletes whole
 * segments, oldest first, never the active one; the start offset is the first segment's base offset.
 * The indexes are derived data: they are kept in memory, written when a segment is sealed, truncated,
 * flushed or closed, and rebuilt from the {@code .log} on open (so a stale or missing index file is
 * harmless).
 *
 * <h2>Batch format</h2>
 * All numbers little-endian, header fixed-width ({@value dev.grid.log.impl.storage.BatchFormat#HEADER_SIZE} bytes):
 * <pre>
 *  0  length        i32  bytes of the whole batch, header included
 *  4  crc32c        i32  CRC32C of bytes [8, length): everything after this field
 *  8  baseOffset    i64  offset of the first record; the i-th record has baseOffset + i
 * 16  recordCount   i32  at least 1
 * 20  maxTimestamp  i64  largest record timestamp in the batch
 * 28  records, each:
 *       timestamp   i64
 *       keyLength   i32  -1 for a null key
 *       key         keyLength bytes
 *       valueLength i32
 *       value       valueLength bytes
 * </pre>
 * A record's encoded size (what {@code maxRecordBytes} and a read's {@code maxBytes} count) is
 * 16 bytes plus its key and value.
 *
 * <h2>Recovery</h2>
 * On open every segment is scanned: a batch must fit in the file (else: torn tail), pass its CRC32C and
 * record-layout checks, and start at the offset after the previous batch. The segment is cut at the
 * first batch that fails and later segments are deleted; the cuts are reported in a
 * {@link dev.grid.log.impl.storage.RecoveryReport}. No fsync per append: durability comes from the
 * synchronous backups; segments are forced to disk on roll, flush and close.
 *
 * <h2>Disk budget</h2>
 * A member's replicas share one {@link dev.grid.log.impl.storage.LogDiskBudget} (passed to
 * {@code SegmentedLog.open(dir, config, budget)}; a log opened without one gets its own unlimited
 * budget). It counts the bytes of the open logs' {@code .log} files (the index files are not counted):
 * <ul>
 *   <li>an append reserves its encoded batch's bytes before anything is written; if that would take the
 *       member over the limit it is refused with a
 *       {@link dev.grid.log.impl.storage.LogDiskBudgetExceededException} naming the log directory, the
 *       bytes needed, the budget and what the member's logs hold, and the log is left unchanged. The log
 *       does not apply retention early to make room (its retention limits are the caller's); the caller
 *       may apply retention and retry. A reservation is a compare-and-set, so concurrent appends on
 *       different logs never take the count over the limit;</li>
 *   <li>retention, {@code deleteSegmentsBefore} and truncation give back the bytes they remove;</li>
 *   <li>open counts the recovered files, even above the limit (a restarted member keeps its data;
 *       appends are refused until retention makes room); close gives the log's bytes back, so the
 *       budget covers open logs only: files a closed log leaves on disk are outside it until reopened,
 *       and a member that drops a replica should delete its directory.</li>
 * </ul>
 * A limit of 0 or below means none (the bytes are still counted).
 *
 * <h2>Threads</h2>
 * A single writer (the partition thread); reads may run concurrently, see
 * {@link dev.grid.log.impl.storage.SegmentedLog}. Reads use positional {@code FileChannel} reads
 * (memory-mapped reads wait for the unmapping question of the design's open items).
 */
package dev.grid.log.impl.storage;
