package dev.grid.core.config;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/** Checks an index attribute path against a declared value class, by the classes' declared members. */
final class AttributePaths {
    private AttributePaths() {
    }

    /**
     * @return null if every step of the path exists on the declared types (or cannot be checked: a step
     *         typed as an interface, {@code Object} or a Map stops the check), else what is missing
     */
    static String missingStep(Class<?> valueClass, String path) {
        String[] steps = path.split("\\.");
        Class<?> type = valueClass;
        int start = 0;
        if (steps[0].equals("__key")) {
            return null; // the key's class is not declared
        }
        if (steps[0].equals("this")) {
            start = 1;
        }
        for (int i = start; i < steps.length; i++) {
            if (!checkable(type)) {
                return null;
            }
            Class<?> next = memberType(type, steps[i]);
            if (next == null) {
                return type.getName() + " has no field, getter or accessor '" + steps[i] + "'";
            }
            type = next;
        }
        return null;
    }

    private static boolean checkable(Class<?> type) {
        return type != Object.class && !type.isInterface() && !Map.class.isAssignableFrom(type)
                && !Modifier.isAbstract(type.getModifiers()) || type.isPrimitive();
    }

    private static Class<?> memberType(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[] {"get" + capitalized, "is" + capitalized, name}) {
            try {
                Method method = type.getMethod(getter);
                if (method.getReturnType() != void.class) {
                    return method.getReturnType();
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    return field.getType();
                }
            }
        }
        return null;
    }
}
