package dev.grid.monitor.impl.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Writes a double with a whole value as an integer ({@code 75}), any other in full, and NaN or an infinity as {@code null}. */
final class CompactDoubleSerializer extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;
    /** Whole values below this are written as integers (above it a double has no fraction to show anyway). */
    private static final double LONG_FORM_LIMIT = 1e15;

    CompactDoubleSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        double d = value;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            gen.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < LONG_FORM_LIMIT) {
            gen.writeNumber((long) d);
        } else {
            gen.writeNumber(d);
        }
    }
}
