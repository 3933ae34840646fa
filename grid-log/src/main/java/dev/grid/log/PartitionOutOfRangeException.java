package dev.grid.log;

/** A partition index outside the topic's partitions. */
public class PartitionOutOfRangeException extends LogException {
    private static final long serialVersionUID = 1L;

    public PartitionOutOfRangeException(String message) {
        super(message);
    }

    /** @param partitions how many the topic has, or -1 if not known here */
    public PartitionOutOfRangeException(String topic, int partition, int partitions) {
        super("partition " + partition + " of topic " + topic + " does not exist"
                + (partitions > 0 ? ": the topic has partitions 0 to " + (partitions - 1) : ": partitions are numbered from 0"));
    }
}
