package dev.grid.monitor.impl.alerts;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import dev.grid.monitor.Alert;
import dev.grid.monitor.impl.cluster.Structures;
import dev.grid.monitor.impl.json.MonitorJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's alert map ({@code grid.monitor.alerts}) as one member's alert evaluation uses it: read from a local mirror,
 * written in the background, so that an evaluation never waits for the cluster.
 *
 * <p>Why: the map's partitions live on the members. When a member is killed, an operation on a partition it owned waits
 * until the member is dropped from the cluster and a backup is promoted (seconds), and a read of the whole map waits for
 * every such partition. An evaluation that read or wrote the map itself would then run late, and every alert it should
 * fire (above all "a member left") would fire late with it.
 *
 * <p>How: the mirror holds every alert of the map. It is loaded when the store opens, kept current by an entry listener,
 * and reloaded (in the background) whenever the member list changes, since an event can be lost with the member that
 * owned the changed partition. The evaluation's own changes go into the mirror at once and to the map through one writer
 * thread, in the order they were made. Where the mirror hears of two versions of an alert (its own change and an older
 * event, say), the newer one wins: the one that changed state later ({@link #newer}).
 */
final class AlertStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    private final HazelcastInstance hazelcast;
    private final IMap<String, String> map;
    private final Map<String, Alert> mirror = new ConcurrentHashMap<>();
    private final ExecutorService writer;
    private final UUID entryListener;
    private final UUID membershipListener;

    AlertStore(HazelcastInstance hazelcast, String threadName) {
        this.hazelcast = hazelcast;
        this.map = hazelcast.getMap(Structures.ALERTS);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.entryListener = map.addEntryListener(new Events(), true);
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                writer.execute(AlertStore.this::reload);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                writer.execute(AlertStore.this::reload);
            }
        });
        reload();
    }

    /** @return the alert with this id, as this member knows it (null if none) */
    Alert get(String id) {
        return mirror.get(id);
    }

    /** @return every alert this member knows of */
    Collection<Alert> all() {
        return List.copyOf(mirror.values());
    }

    /** Puts the alert in the mirror now, and in the cluster's map in the background. */
    void put(Alert alert) {
        mirror.merge(alert.id(), alert, AlertStore::newer);
        String json = MonitorJson.write(alert);
        background("writing alert " + alert.id(), () -> map.set(alert.id(), json));
    }

    /** Removes the alert from the mirror now, and from the cluster's map in the background if it is still this version there. */
    void remove(Alert alert) {
        mirror.remove(alert.id(), alert);
        String json = MonitorJson.write(alert);
        background("removing alert " + alert.id(), () -> map.remove(alert.id(), json));
    }

    /** @return a future done once every change made before this call has reached the cluster's map (or failed, logged) */
    CompletableFuture<Void> flush() {
        return CompletableFuture.runAsync(() -> { }, writer);
    }

    private void background(String what, Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} to the cluster's alert map failed: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("{}: the monitor is closed", what);
        }
    }

    /** Merges the whole map into the mirror: the newer version of each alert wins; alerts only in the mirror stay (changes on their way). */
    private void reload() {
        try {
            for (Map.Entry<String, String> entry : map.entrySet()) {
                Alert stored = MonitorJson.read(entry.getValue(), Alert.class);
                mirror.merge(entry.getKey(), stored, AlertStore::newer);
            }
        } catch (RuntimeException e) {
            LOG.debug("reading the cluster's alert map failed (the next member change reads it again): {}", e.toString());
        }
    }

    /**
     * @return the one of two versions of an alert that changed state later: a resolution is newer than the firing it
     *         resolved, and a new firing (a later evaluation) newer than an earlier resolution; on a tie, {@code b}
     */
    static Alert newer(Alert a, Alert b) {
        return version(a) > version(b) ? a : b;
    }

    private static long version(Alert alert) {
        long changedAt = alert.firing() ? alert.firedAtMillis() : alert.resolvedAtMillis();
        return changedAt * 2 + (alert.firing() ? 0 : 1);
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(2, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            map.removeEntryListener(entryListener);
            hazelcast.getCluster().removeMembershipListener(membershipListener);
        } catch (RuntimeException memberGone) {
            // the member is shutting down: its listeners go with it
        }
    }

    private final class Events implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
            EntryRemovedListener<String, String>, MapClearedListener {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            mirror.merge(event.getKey(), MonitorJson.read(event.getValue(), Alert.class), AlertStore::newer);
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            mirror.merge(event.getKey(), MonitorJson.read(event.getValue(), Alert.class), AlertStore::newer);
        }

        @Override
        public void entryRemoved(EntryEvent<String, String> event) {
            Alert removed = MonitorJson.read(event.getOldValue(), Alert.class);
            mirror.computeIfPresent(event.getKey(), (id, known) -> version(known) > version(removed) ? known : null);
        }

        @Override
        public void mapCleared(MapEvent event) {
            mirror.clear();
        }
    }
}
