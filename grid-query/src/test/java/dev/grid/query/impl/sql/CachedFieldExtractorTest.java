package dev.grid.query.impl.sql;

import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.query.impl.getters.Extractors;
import com.hazelcast.query.impl.getters.policy.ReflectiveAttributeLookupPolicy;
import com.hazelcast.sql.impl.QueryException;
import com.hazelcast.sql.impl.extract.GenericQueryTarget;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.type.QueryDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CachedFieldExtractor} reads what Hazelcast's own extractor reads (the same member, in the same order of
 * preference, the same conversion, the same errors), and reads it itself, without Hazelcast's extractor, for plain
 * attributes of plain classes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CachedFieldExtractorTest {
    private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder().build();
    private final Extractors extractors = Extractors.newBuilder(serialization).build();
    private final ReflectiveAttributeLookupPolicy policy = ReflectiveAttributeLookupPolicy.getPolicy(serialization.getHazelcastProperties());
    private final GenericQueryTarget target = new GenericQueryTarget(serialization, extractors, false);

    /** Hazelcast's extractor, counting the reads left to it. */
    private static final class Counting implements QueryExtractor {
        private final QueryExtractor hazelcast;
        private int reads;

        Counting(QueryExtractor hazelcast) {
            this.hazelcast = hazelcast;
        }

        @Override
        public Object get() {
            reads++;
            return hazelcast.get();
        }
    }

    public static class Base implements Serializable {
        private static final long serialVersionUID = 1L;
        private int hidden = 7;
    }

    public static class Sample extends Base {
        private static final long serialVersionUID = 1L;
        public double price = 2.5;        // a public field shadowed by a getter
        public String label = "field";    // a public field only
        private int quantity = 3;         // a private field only
        private final boolean active = true;
        private final List<String> tags = List.of("a", "b");

        public double getPrice() {
            return price * 2;              // the getter wins over the field
        }

        public String name() {
            return "plain";                // name() wins over getName()
        }

        public String getName() {
            return "getter";
        }

        public boolean isActive() {
            return active;
        }

        public List<String> getTags() {
            return tags;
        }

        public String getBroken() {
            throw new IllegalStateException("broken getter");
        }
    }

    /** A subclass whose getter answers differently: the accessor follows the object's class. */
    public static class Discounted extends Sample {
        private static final long serialVersionUID = 1L;

        @Override
        public double getPrice() {
            return 1.0;
        }
    }

    /** Another class with a {@code price}: a public field only. */
    public static class Ticket implements Serializable {
        private static final long serialVersionUID = 1L;
        public double price = 9.0;
    }

    private Object hazelcast(Object value, String attribute, QueryDataType type) {
        target.setTarget(value, null);
        return target.createExtractor(attribute, type).get();
    }

    private Counting fallback(String attribute, QueryDataType type) {
        return new Counting(target.createExtractor(attribute, type));
    }

    @Test
    void shouldReadPlainAttributesItselfAsHazelcastDoes() {
        Object[][] cases = {
                {"price", QueryDataType.DOUBLE}, {"label", QueryDataType.VARCHAR}, {"quantity", QueryDataType.INT},
                {"name", QueryDataType.VARCHAR}, {"active", QueryDataType.BOOLEAN}, {"hidden", QueryDataType.INT}};
        for (Object[] c : cases) {
            String attribute = (String) c[0];
            QueryDataType type = (QueryDataType) c[1];
            Counting fallback = fallback(attribute, type);
            CachedFieldExtractor extractor = new CachedFieldExtractor(target, fallback, type, attribute, false, policy);
            for (Object value : List.of(new Sample(), new Discounted(), new Sample())) {
                Object expected = hazelcast(value, attribute, type);
                target.setTarget(value, null);
                assertEquals(expected, extractor.get(), attribute + " of " + value.getClass().getSimpleName());
            }
            assertEquals(0, fallback.reads, attribute + ": read by Hazelcast's extractor");
        }
        // unrelated classes with the same attribute, one after the other: each read through its own class's accessor
        Counting fallback = fallback("price", QueryDataType.DOUBLE);
        CachedFieldExtractor extractor = new CachedFieldExtractor(target, fallback, QueryDataType.DOUBLE, "price", false, policy);
        for (Object value : List.of(new Ticket(), new Discounted(), new Ticket(), new Sample())) {
            target.setTarget(value, null);
            assertEquals(value instanceof Ticket ? 9.0 : value instanceof Discounted ? 1.0 : 5.0, extractor.get());
        }
        assertEquals(0, fallback.reads, "read by Hazelcast's extractor");
    }

    @Test
    void shouldLeaveOtherAttributesAndFailuresToHazelcast() {
        Object[][] cases = {{"tags", QueryDataType.OBJECT}, {"missing", QueryDataType.INT}};
        for (Object[] c : cases) {
            String attribute = (String) c[0];
            QueryDataType type = (QueryDataType) c[1];
            Counting fallback = fallback(attribute, type);
            CachedFieldExtractor extractor = new CachedFieldExtractor(target, fallback, type, attribute, false, policy);
            Object expected = hazelcast(new Sample(), attribute, type);
            target.setTarget(new Sample(), null);
            assertEquals(expected, extractor.get(), attribute);
            assertEquals(1, fallback.reads, attribute + ": not read by Hazelcast's extractor");
        }
    }

    @Test
    void shouldFailAsHazelcastDoes() {
        for (Object[] c : new Object[][] {{"label", QueryDataType.INT}, {"broken", QueryDataType.VARCHAR}}) {
            String attribute = (String) c[0];
            QueryDataType type = (QueryDataType) c[1];
            target.setTarget(new Sample(), null);
            QueryException expected = assertThrows(QueryException.class, () -> target.createExtractor(attribute, type).get());
            CachedFieldExtractor extractor = new CachedFieldExtractor(target, fallback(attribute, type), type, attribute, false, policy);
            QueryException actual = assertThrows(QueryException.class, extractor::get);
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }

    @Test
    void shouldHandleOnlyPlainNames() {
        assertTrue(CachedFieldExtractor.handles("price"));
        assertFalse(CachedFieldExtractor.handles("address.city"));
        assertFalse(CachedFieldExtractor.handles("tags[any]"));
        assertFalse(CachedFieldExtractor.handles("this"));
        assertFalse(CachedFieldExtractor.handles(null));
    }
}
