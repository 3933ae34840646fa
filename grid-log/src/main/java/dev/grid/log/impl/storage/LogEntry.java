package dev.grid.log.impl.storage;

import java.util.Objects;

/** A record as read back from the log, with the offset the log assigned it. */
public record LogEntry(long offset, LogRecord record) {
    public LogEntry {
        Objects.requireNonNull(record, "record");
    }
}
