package dev.grid.query.impl.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grid.core.Grid;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.Header;
import dev.grid.log.PartitionInfo;
import dev.grid.log.TopicDescription;
import dev.grid.query.export.ExportException;
import dev.grid.query.export.ExportManifest;
import dev.grid.query.export.ExportOptions;
import dev.grid.query.export.TopicBound;
import dev.grid.query.export.TopicRange;
import org.duckdb.DuckDBAppender;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Exports a topic: each partition read from the range's start to its end, or to the high watermark the export saw
 * when it started, in reads of up to {@link #READ_RECORDS} records, the next read sent as one's records are appended;
 * each record once, in offset order.
 */
final class TopicExporter {
    static final int READ_RECORDS = 50_000;
    static final int READ_BYTES = 8 << 20;

    private TopicExporter() {
    }

    static ExportManifest export(Grid grid, String topic, TopicRange range, ExportOptions options) {
        GridLog log = GridLog.of(grid);
        TopicDescription description = log.describeTopic(topic);
        List<PartitionInfo> partitions = description.partitions().stream().sorted(Comparator.comparingInt(PartitionInfo::partition)).toList();
        boolean text = options.isTextKeysAndValues();
        String bytesType = text ? "VARCHAR" : "BLOB";
        String bytesEncoding = text ? "utf8" : "native";
        List<ExportManifest.Column> columns = List.of(new ExportManifest.Column("partition", "INTEGER", "native"),
                new ExportManifest.Column("offset", "BIGINT", "native"), new ExportManifest.Column("timestamp", "TIMESTAMP", "native"),
                new ExportManifest.Column("key", bytesType, bytesEncoding), new ExportManifest.Column("value", bytesType, bytesEncoding),
                new ExportManifest.Column("headers", "VARCHAR", "json"));
        try (ExportRun run = new ExportRun(ExportManifest.TOPIC, topic, options, partitions.size())) {
            run.columns(columns);
            for (PartitionInfo info : partitions) {
                int p = info.partition();
                long from = Math.max(info.startOffset(), resolve(log, topic, p, range.from(), info.startOffset(), info.highWatermark()));
                long to = Math.min(info.highWatermark(), resolve(log, topic, p, range.to(), info.highWatermark(), info.highWatermark()));
                long next = from;
                run.startPartition(p);
                CompletableFuture<FetchResult> pending = next < to ? read(log, topic, p, next, to) : null;
                while (pending != null) {
                    FetchResult read = join(pending);
                    if (read.records().isEmpty()) {
                        throw new ExportException("topic " + topic + ", partition " + p + ": a read at offset " + next
                                + " returned no record below the end of the export's range, " + to);
                    }
                    long following = Math.min(to, read.nextOffset(next));
                    // the next read is on its way while these records are appended
                    pending = following < to ? read(log, topic, p, following, to) : null;
                    for (ConsumerRecord record : read.records()) {
                        if (record.offset() >= to) {
                            break;
                        }
                        // epoch microseconds: the TIMESTAMP column's own unit (a LocalDateTime per row costs twice as much)
                        DuckDBAppender row = run.row().append(p).append(record.offset()).appendEpochMicros(record.timestamp() * 1000);
                        bytes(row, record.key(), text);
                        bytes(row, record.value(), text);
                        headers(row, record.headers());
                        run.endRow();
                    }
                    next = following;
                    run.progress();
                }
                run.endPartition(from, Math.max(from, to));
            }
            return run.finish(grid.clusterName(), columns, new ExportManifest.Range(range.from() == null ? null : range.from().toString(),
                    range.to() == null ? null : range.to().toString()));
        } catch (SQLException e) {
            throw new ExportException("export of topic " + topic + " to " + options.getOut() + " failed: " + e.getMessage(), e);
        }
    }

    private static CompletableFuture<FetchResult> read(GridLog log, String topic, int partition, long from, long to) {
        return log.readAsync(topic, partition, from, (int) Math.min(READ_RECORDS, to - from), READ_BYTES, Duration.ZERO);
    }

    /** @return the bound's offset in this partition, or {@code absent} without a bound */
    private static long resolve(GridLog log, String topic, int partition, TopicBound bound, long absent, long highWatermark) {
        if (bound == null) {
            return absent;
        }
        if (bound.isOffset()) {
            return bound.offset();
        }
        return log.offsetForTimestamp(topic, partition, ceilingMillis(bound.time())).orElse(highWatermark);
    }

    /**
     * @return the first whole millisecond at or after the instant: records carry millisecond timestamps, and one stamped
     * in the instant's own millisecond may have been appended before it (a bound of 10:00:00.123456 starts at .124)
     */
    static long ceilingMillis(Instant time) {
        long millis = time.toEpochMilli();
        return time.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    private static void bytes(DuckDBAppender row, byte[] bytes, boolean text) throws SQLException {
        if (bytes == null) {
            row.appendNull();
        } else if (text) {
            row.append(new String(bytes, StandardCharsets.UTF_8));
        } else {
            row.append(bytes);
        }
    }

    /**
     * Headers as a JSON array of {@code {"key": name, "value": text}}, the value decoded as UTF-8, or
     * {@code {"key": name, "base64": ...}} when it is not UTF-8; NULL when the record has none.
     */
    private static void headers(DuckDBAppender row, List<Header> headers) throws SQLException {
        if (headers == null || headers.isEmpty()) {
            row.appendNull();
            return;
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Header header : headers) {
            ObjectNode node = array.addObject().put("key", header.key());
            if (header.value() == null) {
                node.putNull("value");
            } else {
                String utf8 = utf8(header.value());
                if (utf8 != null) {
                    node.put("value", utf8);
                } else {
                    node.put("base64", Base64.getEncoder().encodeToString(header.value()));
                }
            }
        }
        try {
            row.append(Json.MAPPER.writeValueAsString(array));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("interrupted while reading the topic", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ExportException(String.valueOf(cause), cause);
        }
    }
}
