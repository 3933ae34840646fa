package dev.grid.query.impl.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@link FastAccessors} calls what reflection would call, boxing primitives, and declines what it cannot call. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FastAccessorsTest {

    @Test
    void gettersReturnWhatTheMethodReturnsBoxed() throws Exception {
        Function<Object, Object> price = FastAccessors.getter(Ticket.class.getMethod("getPrice"));
        Function<Object, Object> category = FastAccessors.getter(Ticket.class.getMethod("getCategory"));
        assertNotNull(price);
        assertNotNull(category);
        assertEquals(2.5, price.apply(new Ticket(1, "a", 2.5)));
        assertEquals("a", category.apply(new Ticket(1, "a", 2.5)));
        assertEquals(7, FastAccessors.getter(Hidden.class.getDeclaredMethod("secret")).apply(new Hidden()), "a private method");
    }

    @Test
    void constructorsBuildNewObjects() throws Exception {
        Supplier<Ticket> ticket = FastAccessors.constructor(Ticket.class.getConstructor());
        assertNotNull(ticket);
        assertEquals(new Ticket(), ticket.get());
        assertEquals(Hidden.class, FastAccessors.constructor(Hidden.class.getDeclaredConstructor()).get().getClass());
    }

    @Test
    void makesOneLambdaPerMember() throws Exception {
        // each lambda is a class of its own: made per query, they filled the metaspace (a GC cycle every few seconds)
        assertSame(FastAccessors.getter(Ticket.class.getMethod("getPrice")), FastAccessors.getter(Ticket.class.getMethod("getPrice")));
        assertSame(FastAccessors.constructor(Ticket.class.getConstructor()), FastAccessors.constructor(Ticket.class.getConstructor()));
        assertNotSame(FastAccessors.getter(Ticket.class.getMethod("getPrice")), FastAccessors.getter(Ticket.class.getMethod("getCategory")));
        assertNull(FastAccessors.getter(Hidden.class.getDeclaredMethod("nothing")), "declined again, from the cache");
    }

    @Test
    void declinesWhatIsNotAGetterOrANoArgumentConstructor() throws Exception {
        assertNull(FastAccessors.getter(FastAccessorsTest.class.getDeclaredMethod("staticValue")));
        assertNull(FastAccessors.getter(Object.class.getMethod("equals", Object.class)));
        assertNull(FastAccessors.getter(Hidden.class.getDeclaredMethod("nothing")));
        assertNull(FastAccessors.constructor(Ticket.class.getConstructor(int.class, String.class, double.class)));
    }

    static int staticValue() {
        return 1;
    }

    private static final class Hidden {
        private int secret() {
            return 7;
        }

        private void nothing() {
        }
    }
}
