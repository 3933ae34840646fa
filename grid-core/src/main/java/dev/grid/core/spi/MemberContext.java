package dev.grid.core.spi;

import com.hazelcast.core.HazelcastInstance;
import dev.grid.core.Grid;
import dev.grid.core.GridMode;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridConfig;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a module's member-side code needs from the member it runs in: the member's configuration, its
 * clock, its event bus, its maps' statistics and the other modules' member-side services. grid-core creates one per member before the member's
 * Hazelcast services start and keeps it in Hazelcast's user context, so a module's Hazelcast service
 * reaches it from its {@code init} ({@link #of(Map)}), and code holding the {@link Grid} reaches it with
 * {@link #of(Grid)}.
 *
 * <p>A member not started through grid (a plain Hazelcast member given grid's services) has none:
 * {@link #orDefaults(Map)} then installs one with the default configuration.
 */
public final class MemberContext {
    /** The key of the member's context in Hazelcast's user context ({@code Config.getUserContext()}). */
    public static final String USER_CONTEXT_KEY = "dev.grid.member";

    private final GridConfig config;
    private final GridEventBus events;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private volatile MemberMaps maps;

    /**
     * @param config the member's configuration
     * @param events the member's event bus
     */
    public MemberContext(GridConfig config, GridEventBus events) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * @param userContext a member's Hazelcast user context
     * @return the member's context
     * @throws IllegalStateException if the member was not started by grid
     */
    public static MemberContext of(Map<String, Object> userContext) {
        Object context = userContext.get(USER_CONTEXT_KEY);
        if (context instanceof MemberContext member) {
            return member;
        }
        throw new IllegalStateException("this Hazelcast member was not started by grid: no " + USER_CONTEXT_KEY + " in its user context");
    }

    /**
     * @param userContext a member's Hazelcast user context
     * @return the member's context, installed with the default configuration if the member has none
     */
    public static MemberContext orDefaults(Map<String, Object> userContext) {
        Object context = userContext.computeIfAbsent(USER_CONTEXT_KEY, key -> new MemberContext(new GridConfig(), new GridEventBus()));
        if (context instanceof MemberContext member) {
            return member;
        }
        throw new IllegalStateException(USER_CONTEXT_KEY + " in the member's user context is a " + context.getClass().getName());
    }

    /**
     * @param hazelcast a member's Hazelcast instance
     * @return the member's context
     * @throws IllegalStateException if the member was not started by grid
     */
    public static MemberContext of(HazelcastInstance hazelcast) {
        return of(hazelcast.getConfig().getUserContext());
    }

    /**
     * @param grid an embedded member
     * @return the member's context
     * @throws IllegalArgumentException if {@code grid} is a client: a client has no member-side state
     */
    public static MemberContext of(Grid grid) {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new IllegalArgumentException("a member's Grid (Grid.embedded) is needed here; " + grid + " is a client");
        }
        return of(grid.hazelcast());
    }

    /** @return the member's configuration */
    public GridConfig config() {
        return config;
    }

    /** @return the member's clock (its configuration's): the time grid's logic decides by */
    public GridClock clock() {
        return config.getClock();
    }

    /** @return the member's event bus: what {@link Grid#events()} publishes to and subscribes on */
    public GridEventBus events() {
        return events;
    }

    /**
     * @return the statistics of the member's GridMaps
     * @throws IllegalStateException before grid-core's map service has started
     */
    public MemberMaps maps() {
        MemberMaps current = maps;
        if (current == null) {
            throw new IllegalStateException("the member's GridMap service has not started yet");
        }
        return current;
    }

    /**
     * Registers a module's member-side service, for the module's code that holds only the {@link Grid}
     * (a module's Hazelcast service registers itself from its {@code init}).
     *
     * @throws IllegalStateException if a service of that type is registered already
     */
    public <T> void register(Class<T> type, T service) {
        Objects.requireNonNull(service, "service");
        if (services.putIfAbsent(type, service) != null) {
            throw new IllegalStateException("a " + type.getName() + " is registered on this member already");
        }
    }

    /**
     * @return the module's service registered under that type
     * @throws IllegalStateException if none is (the module's service has not started on this member)
     */
    public <T> T service(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("no " + type.getName() + " runs on this member (is its module's jar on the class path?)");
        }
        return type.cast(service);
    }

    /** @return the module's service registered under that type, or empty if none is (its module is not on the class path) */
    public <T> java.util.Optional<T> find(Class<T> type) {
        return java.util.Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** Called once by grid-core's map service when it starts. */
    public void attach(MemberMaps memberMaps) {
        this.maps = Objects.requireNonNull(memberMaps, "memberMaps");
    }
}
