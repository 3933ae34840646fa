package dev.grid.server.impl.query;

import dev.grid.core.config.StructureNames;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.GridExport;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code grid export map NAME --out DIR}: a GridMap's entries to files. */
@Command(name = "map", mixinStandardHelpOptions = true, header = "export a GridMap's entries to Parquet or CSV files",
        description = {
                "Writes every entry of the GridMap as a row (partition INTEGER, key, value), reading one cluster partition at "
                        + "a time in one request to its owner: each partition is a consistent snapshot when it is read, every "
                        + "entry present for the whole export is written exactly once, entries written meanwhile may or may not "
                        + "be. Keys and values that are numbers, booleans or strings become typed columns (BIGINT, DOUBLE, "
                        + "BOOLEAN, VARCHAR), byte[] BLOB, other objects JSON text; the first entry decides each column's type.",
                "",
                "  grid export map orders --out /tmp/orders",
                "  grid export map orders --out /tmp/orders --format csv --overwrite"})
final class ExportMapCommand extends ExportClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the GridMap")
    private String name;

    ExportMapCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    void prepare() {
        String problem = StructureNames.problem("map name", name);
        if (problem != null) {
            throw new OptionCheck(spec).error(problem);
        }
    }

    @Override
    ExportManifest export(GridExport export, ExportOptions options) {
        return export.exportMap(name, options);
    }
}
