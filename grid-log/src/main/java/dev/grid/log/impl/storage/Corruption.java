package dev.grid.log.impl.storage;

/**
 * The first bad batch of a segment, found by scanning it from its start ({@link SegmentedLog#findCorruption}).
 *
 * @param file     the segment file
 * @param position byte position of the bad batch in the file (everything before it is sound)
 * @param offset   the offset the bad batch's first record should have: where the log ends once cut there
 * @param reason   what is wrong: CRC32C mismatch, a length outside the file, a truncated file, an offset out of sequence
 */
public record Corruption(String file, long position, long offset, String reason) {
}
