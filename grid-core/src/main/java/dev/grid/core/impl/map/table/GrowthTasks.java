package dev.grid.core.impl.map.table;

/**
 * The two threads a {@link GrowingTable} hands work to: a background thread, which creates and
 * closes tables (both can take tens of milliseconds for large tables), and the thread of the
 * table's partition, which alone writes to it (adopting a new table, moving entries in steps).
 */
public interface GrowthTasks {
    /** Runs background work where it is (the warm-up store, which never grows); drops partition work. */
    GrowthTasks NONE = new GrowthTasks() {
        @Override
        public void inBackground(Runnable task) {
            task.run();
        }

        @Override
        public void onPartitionThread(Runnable task) {
        }
    };

    /** Runs the task on a background thread, or on the calling thread if none is left (shutdown). */
    void inBackground(Runnable task);

    /** Queues the task behind the partition's operations, on its thread. */
    void onPartitionThread(Runnable task);
}
