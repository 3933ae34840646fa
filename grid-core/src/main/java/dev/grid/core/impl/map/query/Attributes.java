package dev.grid.core.impl.map.query;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads attribute paths from keys and values: each step a field, a getter ({@code getX}, {@code isX}), a
 * record-style accessor ({@code x()}) or a Map entry. The accessor of each (class, step) is looked up once.
 * A step the object does not have, a null along the way, or an accessor that throws gives null: a value
 * never fails a write or a query because of its attributes.
 */
public final class Attributes {
    /** The attribute path naming the whole key. */
    public static final String KEY = "__key";
    /** The attribute path naming the whole value. */
    public static final String THIS = "this";
    /** What {@link #has(Object, Object, String)} reports for a step the object's class lacks. */
    private static final MethodHandle MISSING = MethodHandles.constant(Object.class, null);

    private static final Map<Class<?>, Map<String, MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();
    /** Paths split into steps; bounded, as paths come from queries (beyond it a path is split on each read). */
    private static final Map<String, String[]> STEPS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PATHS = 4096;

    private Attributes() {
    }

    /** @return whether the attribute reads the key (and so the key must be deserialized) */
    public static boolean readsKey(String path) {
        return path.equals(KEY) || path.startsWith(KEY + ".");
    }

    /** @return the attribute's value, or null if it is missing or null (never throws) */
    public static Object read(Object key, Object value, String path) {
        Object current = readsKey(path) ? key : value;
        String[] steps = steps(path);
        for (int i = 0; i < steps.length && current != null; i++) {
            current = step(current, steps[i]);
        }
        return current;
    }

    /**
     * @return the path's steps after a leading {@code __key} or {@code this}, split once per path: a query or an index
     *         reads the same path from every entry (splitting it each time made new step strings whose hashes the
     *         accessor lookups computed again, the top of a full-scan aggregate's profile)
     */
    private static String[] steps(String path) {
        String[] steps = STEPS.get(path);
        if (steps == null) {
            String[] all = path.split("\\.");
            int first = all[0].equals(KEY) || all[0].equals(THIS) ? 1 : 0;
            steps = java.util.Arrays.copyOfRange(all, first, all.length);
            if (STEPS.size() < MAX_CACHED_PATHS) {
                STEPS.put(path, steps);
            }
        }
        return steps;
    }

    /**
     * @return whether the object has every step of the path as a member (a null along the way counts as
     *         having it: the class could not be checked further); Maps have every key
     */
    public static boolean has(Object key, Object value, String path) {
        Object current = readsKey(path) ? key : value;
        String[] steps = steps(path);
        for (int i = 0; i < steps.length && current != null; i++) {
            if (!(current instanceof Map) && accessor(current.getClass(), steps[i]) == MISSING) {
                return false;
            }
            current = step(current, steps[i]);
        }
        return true;
    }

    private static Object step(Object object, String name) {
        if (object instanceof Map<?, ?> map) {
            return map.get(name);
        }
        MethodHandle accessor = accessor(object.getClass(), name);
        try {
            return accessor == MISSING ? null : accessor.invoke(object);
        } catch (Throwable e) {
            return null;
        }
    }

    private static MethodHandle accessor(Class<?> type, String name) {
        return ACCESSORS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> lookup(type, n));
    }

    private static MethodHandle lookup(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (String getter : new String[] {"get" + capitalized, "is" + capitalized, name}) {
            try {
                Method method = type.getMethod(getter);
                if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())) {
                    method.setAccessible(true);
                    return lookup.unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
                }
            } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
                // try the next form
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        return lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
                    } catch (IllegalAccessException | RuntimeException e) {
                        return MISSING;
                    }
                }
            }
        }
        return MISSING;
    }
}
