package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.Header;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes records and encoded batches into operations, bounding what a reader allocates for counts it reads. */
final class RecordsIO {
    /** Most records, headers or batches one operation may carry. */
    static final int MAX_COUNT = 1_000_000;

    private RecordsIO() {
    }

    static void write(ObjectDataOutput out, List<LogRecord> records) throws IOException {
        out.writeInt(records.size());
        for (LogRecord r : records) {
            out.writeByteArray(r.key());
            out.writeByteArray(r.value());
            out.writeLong(r.timestamp());
            out.writeInt(r.headers().size());
            for (Header h : r.headers()) {
                out.writeString(h.key());
                out.writeByteArray(h.value());
            }
        }
    }

    static List<LogRecord> read(ObjectDataInput in) throws IOException {
        int n = count(in.readInt(), "records");
        List<LogRecord> records = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            byte[] key = in.readByteArray();
            byte[] value = in.readByteArray();
            long timestamp = in.readLong();
            int h = count(in.readInt(), "headers");
            List<Header> headers = h == 0 ? List.of() : new ArrayList<>(Math.min(h, 64));
            for (int j = 0; j < h; j++) {
                headers.add(new Header(in.readString(), in.readByteArray()));
            }
            records.add(new LogRecord(key, value == null ? new byte[0] : value, timestamp, headers));
        }
        return records;
    }

    static void writeBatches(ObjectDataOutput out, List<LogBatch> batches) throws IOException {
        out.writeInt(batches.size());
        for (LogBatch b : batches) {
            // what writeByteArray writes, without copying the batch into an array of its own first
            out.writeInt(b.sizeInBytes());
            b.writeTo(out);
        }
    }

    static List<LogBatch> readBatches(ObjectDataInput in) throws IOException {
        int n = count(in.readInt(), "batches");
        List<LogBatch> batches = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            batches.add(LogBatch.wrap(in.readByteArray()));
        }
        return batches;
    }

    static int count(int n, String what) throws IOException {
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("an operation carries " + n + " " + what + ", not 0 to " + MAX_COUNT);
        }
        return n;
    }
}
