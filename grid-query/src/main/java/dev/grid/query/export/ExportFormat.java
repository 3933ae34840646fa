package dev.grid.query.export;

import java.util.Locale;

/**
 * The format of an export's data files.
 *
 * @since 0.1
 */
public enum ExportFormat {
    /** Apache Parquet, zstd-compressed, typed columns: what offline SQL reads fastest. */
    PARQUET,
    /** Comma-separated values with a header line; BLOBs are written as DuckDB escapes ({@code \xAB}). */
    CSV;

    /** @return the data files' extension: {@code parquet} or {@code csv} */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code parquet} or {@code csv}, in any case
     * @return the format
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static ExportFormat parse(String text) {
        for (ExportFormat format : values()) {
            if (format.extension().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be parquet or csv, was \"" + text + "\"");
    }
}
