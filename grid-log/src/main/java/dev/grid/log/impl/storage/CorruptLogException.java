package dev.grid.log.impl.storage;

import java.nio.file.Path;

/**
 * A batch that fails its length, CRC32C or layout check when read, or a segment file shorter than the
 * batches the log wrote to it (truncated). Recovery on open cuts such a tail instead; a replica that meets
 * one while serving is rebuilt from another replica (see {@code docs/log.md}).
 *
 * <p>{@link #file()} and {@link #position()} say where the read failed. They are where the reader
 * noticed, not necessarily the first bad batch of the segment (a reader skips batches before its offset
 * by their headers' lengths): {@link SegmentedLog#findCorruption} scans the segment from its start for
 * the first one.
 */
public final class CorruptLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long position;
    private final String reason;

    /** Bytes that are not a valid batch, with no file behind them (a batch received from another member). */
    CorruptLogException(String message) {
        super(message);
        this.file = null;
        this.position = -1;
        this.reason = message;
    }

    /** A bad batch, or missing bytes, at {@code position} of the segment file {@code file}. */
    CorruptLogException(Path file, long position, String reason) {
        super("batch at position " + position + " of " + file + " is corrupt: " + reason);
        this.file = file.toString();
        this.position = position;
        this.reason = reason;
    }

    /** @return the segment file the bad batch was read from; null for bytes that came from no file */
    public String file() {
        return file;
    }

    /** @return the byte position in {@link #file()} of the batch that failed; -1 for bytes that came from no file */
    public long position() {
        return position;
    }

    /** @return what is wrong: CRC32C mismatch, a length outside the file, a truncated file, an offset out of sequence */
    public String reason() {
        return reason;
    }
}
