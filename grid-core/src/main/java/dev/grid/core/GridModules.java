package dev.grid.core;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * How the API of each grid module finds the module's implementation: {@link java.util.ServiceLoader}
 * reads the one implementation the module's jar registers under {@code META-INF/services}, once per
 * interface. So {@link Grid#embedded}, {@code GridLocks.of}, {@code GridTransactions.start} and
 * {@code GridMonitor.start} name no class of an {@code impl} package, and each module's API stays a layer
 * its implementation depends on, never the other way round.
 *
 * <p>For grid's own modules; users call the modules' APIs.
 */
public final class GridModules {
    private static final ClassValue<Object> PROVIDERS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            return load(type);
        }
    };

    private GridModules() {
    }

    /**
     * @param type a module's provider interface, such as {@link Grid.Provider}
     * @return the implementation the module's jar registers (the same instance on every call)
     * @throws GridException naming the interface, if no jar on the class path registers one, or more than one does
     */
    public static <P> P provider(Class<P> type) {
        return type.cast(PROVIDERS.get(type));
    }

    private static Object load(Class<?> type) {
        Iterator<?> found;
        Object provider;
        try {
            found = ServiceLoader.load(type, type.getClassLoader()).iterator();
            if (!found.hasNext()) {
                throw new GridException("no implementation of " + type.getName() + " on the class path: the jar of the grid module that"
                        + " provides it (META-INF/services/" + type.getName() + ") is missing");
            }
            provider = found.next();
        } catch (ServiceConfigurationError e) {
            throw new GridException("the implementation of " + type.getName() + " could not be loaded: " + e.getMessage(), e);
        }
        if (found.hasNext()) {
            throw new GridException("two implementations of " + type.getName() + " on the class path (" + provider.getClass().getName()
                    + " and " + found.next().getClass().getName() + "): two versions of a grid module's jar?");
        }
        return provider;
    }
}
