package dev.grid.log.impl.storage;

/** An offset outside the log's valid range {@code [startOffset, endOffset]}. */
public final class LogOffsetOutOfRangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final long startOffset;
    private final long endOffset;

    LogOffsetOutOfRangeException(String operation, long offset, long startOffset, long endOffset) {
        super(operation + ": offset " + offset + " is out of range: "
                + (offset < startOffset ? "below the earliest available offset " + startOffset
                : "above the log end offset " + endOffset)
                + " (valid offsets: " + startOffset + " to " + endOffset + ")");
        this.offset = offset;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    public long offset() {
        return offset;
    }

    /** The earliest available offset when the error was raised. */
    public long startOffset() {
        return startOffset;
    }

    /** The log end offset (the next offset to be assigned) when the error was raised. */
    public long endOffset() {
        return endOffset;
    }
}
