package dev.grid.query.export;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Where and how an export writes: the output directory (created if missing; refused if it exists and is not empty,
 * unless {@link #setOverwrite overwrite} is set), the format, the rows per file at most, whether a topic's keys and
 * values are written as text, the listener told of progress and the clock of the manifest's times.
 *
 * <pre>{@code
 * ExportManifest written = GridExport.of(grid).exportMap("orders",
 *         new ExportOptions(Path.of("/tmp/orders")).setFormat(ExportFormat.PARQUET));
 * }</pre>
 *
 * @since 0.1
 */
public final class ExportOptions {
    /** Rows per file at most, by default: consecutive partitions share a file until it holds this many rows. */
    public static final int DEFAULT_ROWS_PER_FILE = 1_000_000;

    private final Path out;
    private ExportFormat format = ExportFormat.PARQUET;
    private boolean overwrite;
    private int rowsPerFile = DEFAULT_ROWS_PER_FILE;
    private boolean textKeysAndValues;
    private ExportListener listener = ExportListener.NONE;
    private Clock clock = Clock.systemUTC();

    /** @param out the output directory */
    public ExportOptions(Path out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public Path getOut() {
        return out;
    }

    public ExportFormat getFormat() {
        return format;
    }

    public ExportOptions setFormat(ExportFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        return this;
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    /**
     * @param overwrite write into an output directory that is not empty, replacing the data files ({@code *.parquet},
     *                  {@code *.csv}) and the manifest found there; other files are left alone
     */
    public ExportOptions setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
        return this;
    }

    public int getRowsPerFile() {
        return rowsPerFile;
    }

    /** @param rowsPerFile rows per data file at most, > 0 */
    public ExportOptions setRowsPerFile(int rowsPerFile) {
        if (rowsPerFile <= 0) {
            throw new IllegalArgumentException("rowsPerFile must be > 0, was " + rowsPerFile);
        }
        this.rowsPerFile = rowsPerFile;
        return this;
    }

    public boolean isTextKeysAndValues() {
        return textKeysAndValues;
    }

    /**
     * @param text write a topic's keys and values as VARCHAR (their bytes decoded as UTF-8) instead of BLOB; maps
     *             are typed by their values already
     */
    public ExportOptions setTextKeysAndValues(boolean text) {
        this.textKeysAndValues = text;
        return this;
    }

    public ExportListener getListener() {
        return listener;
    }

    public ExportOptions setListener(ExportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Clock getClock() {
        return clock;
    }

    /** @param clock what the manifest's {@code startedAt} and {@code finishedAt} read */
    public ExportOptions setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }
}
