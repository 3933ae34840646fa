package dev.grid.query.impl.sql;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.query.impl.getters.policy.ReflectiveAttributeLookupException;
import com.hazelcast.query.impl.getters.policy.ReflectiveAttributeLookupPolicy;
import com.hazelcast.sql.impl.extract.GenericTargetAccessor;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.type.QueryDataType;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.function.Function;

/**
 * Reads a top-level attribute ({@code price}, not {@code a.b} nor {@code a[any]}) of a {@code java} key or value with
 * the accessor found for the object's class kept, so a scan does not look it up for every entry. The accessor is the one
 * Hazelcast's reflective extractor picks, in its order: a public method {@code price()}, {@code getPrice()},
 * {@code isPrice()}, then a public field, then a declared field of the class or a superclass, each allowed by the
 * member's {@link ReflectiveAttributeLookupPolicy}. Anything else (no such member, a member the policy refuses, an
 * array or collection attribute, JSON, Portable or Compact targets) and any failure to read is left to Hazelcast's own
 * extractor ({@code fallback}), which then gives the answer or the error it always gives.
 */
final class CachedFieldExtractor implements QueryExtractor {
    private final GenericTargetAccessor target;
    private final QueryExtractor fallback;
    private final QueryDataType type;
    private final String attribute;
    private final boolean key;
    private final ReflectiveAttributeLookupPolicy policy;
    /** The class {@link #accessor} was resolved for; null before the first object. */
    private Class<?> resolvedFor;
    /** A {@link Method} or {@link Field} of {@link #resolvedFor}, or null: {@link #fallback} reads that class. */
    private Member accessor;
    /** The getter {@link #accessor} as a lambda, or null: called through reflection. */
    private Function<Object, Object> getter;
    /** Where the object comes from when a scan deserialized it itself, or null: always from {@link #target}. */
    private final ScanTarget scan;

    /**
     * @param target   the key's or value's target, which deserializes it on first access
     * @param fallback Hazelcast's extractor of the same attribute from the same target
     */
    CachedFieldExtractor(GenericTargetAccessor target, QueryExtractor fallback, QueryDataType type, String attribute, boolean key,
                         ReflectiveAttributeLookupPolicy policy) {
        this(target, null, fallback, type, attribute, key, policy);
    }

    /**
     * @param scan the scan's view of the same key or value: the object it deserialized itself, read without asking
     *             {@code target} (which checks for every entry whether the object is Compact or Portable)
     */
    CachedFieldExtractor(GenericTargetAccessor target, ScanTarget scan, QueryExtractor fallback, QueryDataType type, String attribute,
                         boolean key, ReflectiveAttributeLookupPolicy policy) {
        this.target = target;
        this.scan = scan;
        this.fallback = fallback;
        this.type = type;
        this.attribute = attribute;
        this.key = key;
        this.policy = policy;
    }

    /** @return whether an attribute path is one this extractor reads itself (one plain name, not {@code this}) */
    static boolean handles(String path) {
        return path != null && !path.isEmpty() && !"this".equals(path) && path.chars().allMatch(Character::isJavaIdentifierPart);
    }

    @Override
    public Object get() {
        Object object = scan == null ? null : scan.objectReadOrNull();
        if (object == null) {
            object = target.getTargetForFieldAccess();
        }
        if (object == null || object instanceof Data || object instanceof HazelcastJsonValue) {
            return fallback.get();
        }
        Class<?> objectClass = object.getClass();
        if (objectClass != resolvedFor) {
            accessor = resolve(objectClass);
            getter = accessor instanceof Method method ? FastAccessors.getter(method) : null;
            resolvedFor = objectClass;
        }
        Object value;
        try {
            if (getter != null) {
                value = getter.apply(object);
            } else if (accessor instanceof Method method) {
                value = method.invoke(object);
            } else if (accessor instanceof Field field) {
                value = field.get(object);
            } else {
                return fallback.get();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fallback.get(); // Hazelcast's extractor reads it again and fails as it always does
        }
        try {
            return type.normalize(value);
        } catch (RuntimeException e) {
            return fallback.get(); // a type mismatch: reported in Hazelcast's words
        }
    }

    /** @return the accessor Hazelcast's reflective extractor would use for the attribute, or null to leave it to it */
    private Member resolve(Class<?> objectClass) {
        try {
            policy.verifyClass(objectClass);
            String camel = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
            for (String name : new String[] {attribute, "get" + camel, "is" + camel}) {
                Method method;
                try {
                    method = objectClass.getMethod(name);
                } catch (NoSuchMethodException e) {
                    continue;
                }
                method = policy.verifyMethod(objectClass, method);
                return accessible(method, method.getReturnType());
            }
            try {
                Field field = policy.verifyField(objectClass, objectClass.getField(attribute));
                return accessible(field, field.getType());
            } catch (NoSuchFieldException e) {
                // a declared field, below
            }
            for (Class<?> c = objectClass; !c.isInterface() && !Object.class.equals(c); c = c.getSuperclass()) {
                try {
                    Field field = policy.verifyField(c, c.getDeclaredField(attribute));
                    return accessible(field, field.getType());
                } catch (NoSuchFieldException e) {
                    // the superclass's
                }
            }
            return null;
        } catch (Exception e) { // refused by the policy, or not accessible: Hazelcast's extractor reports it
            return null;
        }
    }

    /** @return the member made accessible, or null for values Hazelcast reads element by element (arrays, collections) */
    private <M extends AccessibleObject & Member> M accessible(M member, Class<?> valueType) throws ReflectiveAttributeLookupException {
        if (valueType.isArray() || Collection.class.isAssignableFrom(valueType)) {
            return null;
        }
        policy.verifyClass(valueType);
        member.setAccessible(true);
        return member;
    }

    @Override
    public String toString() {
        return "CachedFieldExtractor{" + (key ? "key" : "value") + " field \"" + attribute + "\" as " + type + "}";
    }
}
