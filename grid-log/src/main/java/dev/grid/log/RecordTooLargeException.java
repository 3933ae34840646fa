package dev.grid.log;

/** A record above the topic's {@code maxRecordBytes}; the message names the topic, the size and the limit. */
public class RecordTooLargeException extends LogException {
    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message) {
        super(message);
    }
}
