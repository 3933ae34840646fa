package dev.grid.server.impl.query;

import dev.grid.core.config.StructureNames;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.GridExport;
import dev.grid.query.export.TopicBound;
import dev.grid.query.export.TopicRange;
import dev.grid.server.cli.OptionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;

/** {@code grid export topic NAME --out DIR [--from X] [--to Y]}: a topic's records to files. */
@Command(name = "topic", mixinStandardHelpOptions = true, header = "export a topic's records to Parquet or CSV files",
        description = {
                "Writes the topic's records as rows (partition INTEGER, offset BIGINT, timestamp TIMESTAMP, key BLOB, value "
                        + "BLOB, headers VARCHAR holding JSON; key and value VARCHAR with --text), partition by partition in "
                        + "offset order, from --from (included; default: the first record kept) to --to (excluded; default: "
                        + "the high watermark when the export starts, so records appended meanwhile are left out). Each is an "
                        + "offset, the same in every partition, or a time: an ISO-8601 instant or a duration ago, which becomes "
                        + "in each partition the first record at or after it.",
                "",
                "  grid export topic clicks --out /tmp/clicks",
                "  grid export topic clicks --out /tmp/clicks --from 1000 --to 2000",
                "  grid export topic clicks --out /tmp/clicks --from 2024-05-01T00:00:00Z --to 1h --text --format csv"})
final class ExportTopicCommand extends ExportClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the topic")
    private String name;
    @Option(names = "--from", paramLabel = "OFFSET|TIME",
            description = "the first record: an offset (1200), an ISO-8601 instant (2024-05-01T10:00:00Z) or a duration ago (10m, 2h)")
    private String from;
    @Option(names = "--to", paramLabel = "OFFSET|TIME", description = "the end of the range, excluded: as --from")
    private String to;
    @Option(names = "--text", description = "write keys and values as VARCHAR (UTF-8) instead of BLOB")
    private boolean text;

    private TopicRange range;

    ExportTopicCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    void prepare() {
        OptionCheck check = new OptionCheck(spec);
        String problem = StructureNames.problem("topic name", name);
        if (problem != null) {
            throw check.error(problem);
        }
        Clock clock = Clock.systemUTC();
        TopicBound start = bound(check, "--from", from, clock);
        TopicBound end = bound(check, "--to", to, clock);
        try {
            range = new TopicRange(start, end);
        } catch (IllegalArgumentException e) {
            throw check.error("--from " + from + " is after --to " + to + ": the range would be empty");
        }
    }

    private static TopicBound bound(OptionCheck check, String option, String value, Clock clock) {
        if (value == null) {
            return null;
        }
        try {
            return BoundText.parse(value, clock);
        } catch (IllegalArgumentException e) {
            throw check.error(option + " " + e.getMessage());
        }
    }

    @Override
    void configure(ExportOptions options) {
        options.setTextKeysAndValues(text);
    }

    @Override
    ExportManifest export(GridExport export, ExportOptions options) {
        return export.exportTopic(name, range, options);
    }
}
