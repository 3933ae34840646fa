package dev.grid.log.impl.operations;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.grid.log.impl.storage.LogBatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes encoded batches into operations, bounding what a reader allocates for counts it reads. */
final class RecordsIO {
    /** Most records, headers or batches one operation may carry. */
    static final int MAX_COUNT = 1_000_000;

    private RecordsIO() {
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
