package dev.grid.perf.bench.query;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

import java.io.IOException;
import java.util.Objects;

/**
 * The value {@code grid bench query} stores in both maps: an order line with an id, a category (of
 * {@code --categories}), a price (a multiple of 0.25, so sums of doubles are exact whatever their order) and a quantity.
 * Hazelcast's {@link DataSerializable}, the same bytes in GridMap and IMap; members read it from the perf jar, and both
 * maps' queries read its fields as attributes ({@code category}, {@code price}) and SQL columns.
 */
public final class Order implements DataSerializable {
    private int id;
    private String category;
    private double price;
    private int quantity;

    /** For deserialization. */
    public Order() {
    }

    public Order(int id, String category, double price, int quantity) {
        this.id = id;
        this.category = category;
        this.price = price;
        this.quantity = quantity;
    }

    public int getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public double getPrice() {
        return price;
    }

    public int getQuantity() {
        return quantity;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(id);
        out.writeString(category);
        out.writeDouble(price);
        out.writeInt(quantity);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        id = in.readInt();
        category = in.readString();
        price = in.readDouble();
        quantity = in.readInt();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order that && id == that.id && Double.compare(price, that.price) == 0 && quantity == that.quantity
                && Objects.equals(category, that.category);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, category, price, quantity);
    }

    @Override
    public String toString() {
        return "Order{id=" + id + ", category=" + category + ", price=" + price + ", quantity=" + quantity + "}";
    }
}
