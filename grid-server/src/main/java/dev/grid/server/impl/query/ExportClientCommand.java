package dev.grid.server.impl.query;

import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.query.export.ExportFormat;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.ExportProgress;
import dev.grid.query.export.GridExport;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.Await;
import dev.grid.server.impl.ConfigOption;
import dev.grid.server.impl.GridCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * What {@code grid export map} and {@code grid export topic} share: the output options, the connection as a client of
 * the cluster {@code --config} describes (as {@code grid partitions}), progress on standard error at most once a
 * second, the summary on standard output, and an error as one line naming the command (exit code 1; 2 for bad
 * options or a bad configuration).
 */
abstract class ExportClientCommand implements Callable<Integer> {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    final PrintStream out;
    final PrintStream err;
    @Spec
    CommandSpec spec;
    @Mixin
    private ConfigOption configOption = new ConfigOption();
    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "the directory to write to: created if missing; refused if it exists and is not empty, unless --overwrite")
    private Path outDir;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet", description = "parquet (zstd) or csv (default: parquet)")
    private String format;
    @Option(names = "--overwrite",
            description = "write into a directory that is not empty, replacing the *.parquet, *.csv and manifest.json there")
    private boolean overwrite;
    @Option(names = "--rows-per-file", paramLabel = "N", defaultValue = "1000000",
            description = "rows per file at most: consecutive partitions share a file until it holds this many (default: 1000000)")
    private int rowsPerFile;
    @Option(names = "--verbose", description = "on an error, print its stack trace too")
    private boolean verbose;

    private long lastProgressNanos;

    ExportClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Checks the options particular to the command; throws a {@link ParameterException} naming the option. */
    void prepare() {
    }

    /** @return what was exported */
    abstract ExportManifest export(GridExport export, ExportOptions options);

    @Override
    public final Integer call() {
        OptionCheck check = new OptionCheck(spec);
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw check.error("--format must be parquet or csv, was \"" + format + "\"");
        }
        check.positive("--rows-per-file", rowsPerFile);
        prepare();
        GridClientConfig client;
        try {
            GridConfig member = configOption.load().config();
            client = GridClientConfig.forCluster(member).setConnectTimeout(CONNECT_TIMEOUT);
        } catch (GridConfigException e) {
            return fail(e, GridCommand.USAGE);
        }
        ExportOptions options = new ExportOptions(outDir).setFormat(exportFormat).setOverwrite(overwrite).setRowsPerFile(rowsPerFile)
                .setListener(this::progress);
        configure(options);
        try (Grid grid = Grid.client(client)) {
            // a new client learns the partition table shortly after it connects
            Await.until(CONNECT_TIMEOUT, () -> grid.partitions().distribution().unassigned() == 0);
            long start = System.nanoTime();
            lastProgressNanos = start;
            ExportManifest manifest = export(GridExport.of(grid), options);
            double seconds = (System.nanoTime() - start) / 1e9;
            long files = manifest.partitions().stream().flatMap(p -> p.files().stream()).distinct().count();
            out.printf(Locale.ROOT, "exported %s %s: %d rows from %d partitions to %s (%d %s files and %s) in %.2f s, %.0f rows/s%n",
                    manifest.kind(), manifest.name(), manifest.rows(), manifest.partitions().size(), outDir, files,
                    manifest.format().extension(), ExportManifest.FILE_NAME, seconds, seconds > 0 ? manifest.rows() / seconds : 0.0);
            out.flush();
            return GridCommand.OK;
        } catch (GridConfigException e) {
            return fail(e, GridCommand.USAGE);
        } catch (RuntimeException e) {
            return fail(e, GridCommand.FAILED);
        }
    }

    /** Sets the options particular to the command. */
    void configure(ExportOptions options) {
    }

    private void progress(ExportProgress progress) {
        long now = System.nanoTime();
        if (now - lastProgressNanos < PROGRESS_EVERY_NANOS || progress.partitionsDone() == progress.partitions()) {
            return;
        }
        lastProgressNanos = now;
        err.printf(Locale.ROOT, "%s: %d rows, %d/%d partitions, %.0f rows/s%n", spec.qualifiedName(), progress.rows(),
                progress.partitionsDone(), progress.partitions(), progress.rowsPerSecond());
        err.flush();
    }

    private int fail(Throwable error, int code) {
        boolean grids = error instanceof GridException || error instanceof GridConfigException;
        err.println(spec.qualifiedName() + ": " + (grids && error.getMessage() != null ? error.getMessage() : error.toString())
                + (grids || verbose ? "" : " (--verbose prints where)"));
        if (verbose) {
            error.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
