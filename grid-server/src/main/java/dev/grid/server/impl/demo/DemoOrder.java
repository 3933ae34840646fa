package dev.grid.server.impl.demo;

import dev.grid.log.ConsumerRecord;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * An order as the demo's pipeline reads it from the log: the record's key is the product, its value the amount in cents.
 *
 * @param product   the product
 * @param cents     the amount
 * @param timestamp the record's timestamp (event time)
 */
record DemoOrder(String product, long cents, long timestamp) implements Serializable {
    /** The product of the records that only move event time forward at the end (they are not orders). */
    static final String CLOCK = "~clock";

    /** @return the order a record holds (a record whose value is not a number is an error of the demo itself) */
    static DemoOrder of(ConsumerRecord record) {
        return new DemoOrder(new String(record.key(), StandardCharsets.UTF_8), Long.parseLong(record.valueAsString()), record.timestamp());
    }

    /** @return whether this is a real order, not an end-of-input clock record */
    boolean isOrder() {
        return !CLOCK.equals(product);
    }
}
