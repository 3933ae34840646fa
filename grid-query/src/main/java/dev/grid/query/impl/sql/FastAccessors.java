package dev.grid.query.impl.sql;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a getter or a no-argument constructor found by reflection into a lambda the JIT can inline, for the accessors a
 * scan calls once per entry ({@link CachedFieldExtractor}, {@link DataSerializableReader}). Null when that cannot be done
 * (a class this module cannot look into, a static or otherwise unusual member): the caller then keeps using reflection.
 */
final class FastAccessors {
    /** What {@link #cached} keeps for a member that has no lambda: reflection is used. */
    private static final Object NONE = new Object();
    /**
     * Each class's lambdas, by getter or constructor: made once per member, not once per query. Every lambda made is a
     * hidden class, which only a concurrent GC cycle unloads; made for every query (each query's projectors resolve
     * their accessors), they filled the metaspace and started a G1 marking cycle every few seconds of scans. Kept with
     * the class ({@link ClassValue}): gone when it is unloaded.
     */
    private static final ClassValue<Map<Member, Object>> CACHE = new ClassValue<>() {
        @Override
        protected Map<Member, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private FastAccessors() {
    }

    /** @return {@code object -> object.getter()} with a primitive result boxed, or null to keep using reflection; one per method */
    @SuppressWarnings("unchecked")
    static Function<Object, Object> getter(Method method) {
        return (Function<Object, Object>) cached(method, () -> makeGetter(method));
    }

    /** @return {@code () -> new Type()}, or null to keep using reflection; one per constructor */
    @SuppressWarnings("unchecked")
    static <T> Supplier<T> constructor(Constructor<T> constructor) {
        return (Supplier<T>) cached(constructor, () -> makeConstructor(constructor));
    }

    private static Object cached(Member member, Supplier<Object> make) {
        Object made = CACHE.get(member.getDeclaringClass()).computeIfAbsent(member, m -> {
            Object lambda = make.get();
            return lambda != null ? lambda : NONE;
        });
        return made == NONE ? null : made;
    }

    private static Function<Object, Object> makeGetter(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0 || method.getReturnType() == void.class) {
            return null;
        }
        try {
            Class<?> owner = method.getDeclaringClass();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle handle = lookup.unreflect(method);
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), handle,
                    MethodType.methodType(MethodType.methodType(method.getReturnType()).wrap().returnType(), owner));
            @SuppressWarnings("unchecked")
            Function<Object, Object> getter = (Function<Object, Object>) site.getTarget().invoke();
            return getter;
        } catch (Throwable e) {
            return null;
        }
    }

    private static <T> Supplier<T> makeConstructor(Constructor<T> constructor) {
        if (constructor.getParameterCount() != 0) {
            return null;
        }
        try {
            Class<T> owner = constructor.getDeclaringClass();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle handle = lookup.unreflectConstructor(constructor);
            CallSite site = LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), handle, MethodType.methodType(owner));
            @SuppressWarnings("unchecked")
            Supplier<T> supplier = (Supplier<T>) site.getTarget().invoke();
            return supplier;
        } catch (Throwable e) {
            return null;
        }
    }
}
