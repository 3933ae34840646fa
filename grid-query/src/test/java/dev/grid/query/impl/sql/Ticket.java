package dev.grid.query.impl.sql;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

import java.io.IOException;
import java.util.Objects;

/** A value stored as a plain {@link DataSerializable}, read by SQL through a {@code 'valueFormat'='java'} mapping. */
public class Ticket implements DataSerializable {
    private int id;
    private String category;
    private double price;

    public Ticket() {
    }

    public Ticket(int id, String category, double price) {
        this.id = id;
        this.category = category;
        this.price = price;
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

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(id);
        out.writeString(category);
        out.writeDouble(price);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        id = in.readInt();
        category = in.readString();
        price = in.readDouble();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticket t && t.id == id && Objects.equals(t.category, category) && t.price == price;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, category, price);
    }

    @Override
    public String toString() {
        return "Ticket{" + id + ", " + category + ", " + price + "}";
    }
}
