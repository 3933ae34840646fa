package dev.grid.query.impl.export;

import dev.grid.core.Grid;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.GridExport;
import dev.grid.query.export.TopicRange;

import java.util.Objects;

/** {@link GridExport} with DuckDB's Appender and {@code COPY ... TO}; registered for {@link GridExport.Provider}. */
public final class DuckGridExport implements GridExport, GridExport.Provider {
    private final Grid grid;

    /** The provider ServiceLoader creates. */
    public DuckGridExport() {
        this(null);
    }

    private DuckGridExport(Grid grid) {
        this.grid = grid;
    }

    @Override
    public GridExport export(Grid grid) {
        return new DuckGridExport(Objects.requireNonNull(grid, "grid"));
    }

    @Override
    public ExportManifest exportMap(String map, ExportOptions options) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(options, "options");
        return MapExporter.export(grid, map, options);
    }

    @Override
    public ExportManifest exportTopic(String topic, TopicRange range, ExportOptions options) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(options, "options");
        return TopicExporter.export(grid, topic, range == null ? TopicRange.ALL : range, options);
    }
}
