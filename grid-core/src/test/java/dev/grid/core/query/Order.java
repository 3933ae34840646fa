package dev.grid.core.query;

import java.io.Serializable;
import java.util.Objects;

/** A test value: private fields read through getters, a nested record, a nullable note. */
public final class Order implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A nested attribute ({@code customer.region}), read through its record accessor. */
    public record Customer(String name, String region) implements Serializable {
    }

    /** An enum attribute, compared by name. */
    public enum Status { OPEN, PAID, SHIPPED }

    private final int id;
    private final long amount;
    private final Status status;
    private final Customer customer;
    private final String note;

    public Order(int id, long amount, Status status, Customer customer, String note) {
        this.id = id;
        this.amount = amount;
        this.status = status;
        this.customer = customer;
        this.note = note;
    }

    public int getId() {
        return id;
    }

    public long getAmount() {
        return amount;
    }

    public Status getStatus() {
        return status;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getNote() {
        return note;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order that && id == that.id && amount == that.amount && status == that.status
                && Objects.equals(customer, that.customer) && Objects.equals(note, that.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, amount, status, customer, note);
    }

    @Override
    public String toString() {
        return "Order" + id + "(" + amount + ", " + status + ", " + customer + ", " + note + ")";
    }
}
