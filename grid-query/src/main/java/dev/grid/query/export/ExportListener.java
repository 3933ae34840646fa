package dev.grid.query.export;

/**
 * Told of an export's progress, on the exporting thread, after every partition and every batch read: keep it short
 * (the command line prints at most one line a second).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ExportListener {
    /** Ignores the progress. */
    ExportListener NONE = progress -> { };

    void progress(ExportProgress progress);
}
