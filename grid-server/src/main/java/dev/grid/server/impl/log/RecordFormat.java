package dev.grid.server.impl.log;

import dev.grid.log.ConsumerRecord;

/**
 * How {@code grid consume} prints a record: one line, {@code [PARTITION:OFFSET SEP][KEY SEP]VALUE}, key and value
 * decoded as UTF-8, a missing key printed as {@code null}.
 *
 * @param printOffset whether the line starts with the partition and offset
 * @param printKey    whether the key comes before the value
 * @param separator   what separates the fields
 */
record RecordFormat(boolean printOffset, boolean printKey, String separator) {

    /** Appends the record's line, newline included. */
    void append(ConsumerRecord record, StringBuilder text) {
        if (printOffset) {
            text.append(record.partition()).append(':').append(record.offset()).append(separator);
        }
        if (printKey) {
            text.append(record.key() == null ? "null" : record.keyAsString()).append(separator);
        }
        text.append(record.valueAsString()).append('\n');
    }
}
