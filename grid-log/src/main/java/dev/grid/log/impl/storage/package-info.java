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
 *  0  length          i32  bytes of the whole batch, header included
 *  4  crc32c          i32  CRC32C of bytes [8, length): everything after this field
 *  8  baseOffset      i64  offset of the first record; the i-th record has baseOffset + i
 * 16  recordCount     i32  at least 1
 * 20  maxTimestamp    i64  largest record timestamp in the batch
 * 28  producerId      i64  producer that wrote the batch, -1 for none
 * 36  baseSequence    i32  the producer's sequence number of the first record, -1 for none
 * 40  leaderEpoch     i32  epoch of the owner that appended the batch, 0 or above
 * 44  records, each:
 *       timestamp     i64  0 or above (the append time replaced "none" before encoding)
 *       keyLength     i32  -1 for a null key
 *       key           keyLength bytes
 *       valueLength   i32
 *       value         valueLength bytes
 *       headerCount   i32  0 or above
 *       headers, each:
 *         keyLength   i16  UTF-8 bytes of the header's name, 0 to 32,767
 *         key         keyLength bytes, UTF-8
 *         valueLength i32  -1 for a null value
 *         value       valueLength bytes
 * </pre>
 * The producer id, base sequence and leader epoch are a {@link dev.grid.log.impl.storage.BatchMeta}. A producer id
 * below -1 marks a transaction's batch (its records, or its commit or abort marker: base sequence -2 or -3); the
 * storage does not interpret it, {@code dev.grid.log.impl.replica.TxnBatches} does.
 * A producer builds its batches in this layout ({@link dev.grid.log.impl.storage.BatchDraft}: records
 * may have timestamp -1, "none"; base offset, epoch, maximum timestamp and CRC32C not set yet); the
 * owner checks and completes a draft in place ({@code SegmentedLog.appendDraft}) and stores it.
 * A record's encoded size (what {@code maxRecordBytes} and a read's {@code maxBytes} count) is
 * 20 bytes plus its key and value, plus 6 bytes and its name and value per header. A batch is
 * checked (on open, on every read and by {@link dev.grid.log.impl.storage.LogBatch#wrap}) for its
 * length, CRC32C, header fields (base offset, record count, leader epoch, {@code maxTimestamp} equal to
 * the records' largest) and a record layout that fills it exactly, with lengths in range and header
 * names in valid UTF-8.
 *
 * <h2>Replication</h2>
 * A replica stores the owner's batches byte for byte: {@code SegmentedLog.readBatches} streams whole
 * stored batches as {@link dev.grid.log.impl.storage.LogBatch}es (without decoding their records) and
 * {@code appendBatch} writes one verbatim at the log end offset, so the replica's batches, offsets,
 * timestamps and metadata are the owner's (its segments roll at the same places when its
 * {@code segmentBytes} is the same). A replica too far behind is emptied with {@code resetTo(start)}
 * and copies from the owner's start offset. {@code lastLeaderEpoch()} is the leader epoch of the last
 * batch, rebuilt from the files on open.
 *
 * <h2>Recovery</h2>
 * On open every segment is scanned: a batch must fit in the file (else: torn tail), pass its CRC32C and
 * record-layout checks, and start at the offset after the previous batch. The segment is cut at the
 * first batch that fails and later segments are deleted; the cuts are reported in a
 * {@link dev.grid.log.impl.storage.RecoveryReport}. No fsync per append: durability comes from the
 * synchronous backups; segments are forced to disk on roll, flush and close.
 *
 * <h2>Bad bytes in an open log</h2>
 * Every batch a read returns has passed its checks, and a reader walking from an index entry checks that each
 * batch starts at the offset after the previous one (a bad length in a header it skips would otherwise land it on
 * a later, valid batch). A batch that fails, or bytes missing from a segment file shorter than what was written
 * to it (truncated), end a read: the records before it are returned, a read that starts at it throws a
 * {@link dev.grid.log.impl.storage.CorruptLogException} naming the file and byte position. Finding and cutting:
 * {@code findCorruption(file)} scans a segment from its start for its first bad batch (a
 * {@link dev.grid.log.impl.storage.Corruption}: position, offset, reason); {@code truncateAtCorruption(file)} cuts the
 * log there as recovery would. Checks of what nobody reads: {@code scrub(from, maxBytes)} checks the sealed segments a
 * step at a time, and every rolled segment is sealed (its index files written) and checked once by a background thread,
 * paced to a quarter of a core ({@code RolledSegmentChecks})
 * ({@code onRolledSegmentCorrupt}). What a member does with a bad batch is {@code dev.grid.log.impl.repair}'s job.
 *
 * <h2>Disk budget</h2>
 * A member's replicas share one {@link dev.grid.log.impl.storage.LogDiskBudget} (passed to
 * {@code SegmentedLog.open(dir, config, budget)}; a log opened without one gets its own unlimited
 * budget). It counts the bytes of the open logs' {@code .log} files (the index files are not counted):
 * <ul>
 *   <li>an append (or {@code appendBatch}) reserves its encoded batch's bytes before anything is
 *       written; if that would take the member over the limit it is refused with a
 *       {@link dev.grid.log.impl.storage.LogDiskBudgetExceededException} naming the log directory, the
 *       bytes needed, the budget and what the member's logs hold, and the log is left unchanged. The log
 *       does not apply retention early to make room (its retention limits are the caller's); the caller
 *       may apply retention and retry. A reservation is a compare-and-set, so concurrent appends on
 *       different logs never take the count over the limit;</li>
 *   <li>retention, {@code deleteSegmentsBefore}, truncation and {@code resetTo} give back the bytes they
 *       remove;</li>
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
 * (memory-mapped reads wait for the unmapping question of the design's open items), a chunk of up to
 * 256 KiB at a time ({@code SegmentReader}): one system call brings in every batch of the chunk, and the
 * batches a read returns are views of it. Two reads per batch (header, then batch) took a tenth of the
 * owner's partition thread at 10,000 records/s, and most of the rolled-segment check's CPU with small batches.
 */
package dev.grid.log.impl.storage;
