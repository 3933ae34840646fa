package dev.grid.query.impl.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.grid.query.export.ExportManifest;
import org.duckdb.DuckDBAppender;

import java.sql.SQLException;

/**
 * How a map's key or value becomes a column: integral numbers as BIGINT, floating point as DOUBLE, booleans, strings
 * and characters as VARCHAR, byte[] as BLOB, anything else as JSON text (VARCHAR) written by Jackson. An export's
 * first entry decides; a later key or value of another kind is refused (a JSON column takes anything).
 */
enum ColumnKind {
    BIGINT("BIGINT", "native"),
    DOUBLE("DOUBLE", "native"),
    BOOLEAN("BOOLEAN", "native"),
    VARCHAR("VARCHAR", "native"),
    BLOB("BLOB", "native"),
    JSON("VARCHAR", "json");

    private final String type;
    private final String encoding;

    ColumnKind(String type, String encoding) {
        this.type = type;
        this.encoding = encoding;
    }

    static ColumnKind of(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BIGINT;
        }
        if (value instanceof Double || value instanceof Float) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof String || value instanceof Character) {
            return VARCHAR;
        }
        if (value instanceof byte[]) {
            return BLOB;
        }
        return JSON;
    }

    /** @return whether this column takes the value */
    boolean fits(Object value) {
        return this == JSON || of(value) == this;
    }

    ExportManifest.Column column(String name) {
        return new ExportManifest.Column(name, type, encoding);
    }

    /** Appends a value that {@link #fits} (null as NULL). */
    void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (this) {
            case BIGINT -> appender.append(((Number) value).longValue());
            case DOUBLE -> appender.append(((Number) value).doubleValue());
            case BOOLEAN -> appender.append((boolean) (Boolean) value);
            case VARCHAR -> appender.append(value.toString());
            case BLOB -> appender.append((byte[]) value);
            case JSON -> appender.append(json(value));
        }
    }

    private static String json(Object value) throws SQLException {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
