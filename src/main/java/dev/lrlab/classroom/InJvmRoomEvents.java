package dev.lrlab.classroom;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room events inside one JVM: a small pool of daemon threads (one per core) calls the listeners,
 * so a request that publishes returns at once and the pages of a class are updated in parallel
 * (a page's {@code ui.access} often runs its update on the calling thread). Listeners may hear
 * events out of order; they compare versions, so that is harmless.
 */
public class InJvmRoomEvents implements RoomEvents {
    private static final Logger LOG = LoggerFactory.getLogger(InJvmRoomEvents.class);

    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "room-events");
                t.setDaemon(true);
                return t;
            });

    @Override
    public void publish(String code, long version) {
        Set<Listener> set = listeners.get(code);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Listener l : set) {
            delivery.execute(() -> {
                try {
                    l.changed(code, version);
                } catch (RuntimeException e) {
                    LOG.warn("a room listener of class {} failed", code, e);
                }
            });
        }
    }

    @Override
    public Subscription subscribe(String code, Listener listener) {
        listeners.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(code, (c, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Classes with at least one listener now (a cross-node implementation re-syncs these after a gap). */
    public Set<String> codes() {
        return Set.copyOf(listeners.keySet());
    }

    /** Listeners of {@code code} now (the benchmark and tests check that pages unsubscribe). */
    public int listenerCount(String code) {
        Set<Listener> set = listeners.get(code);
        return set == null ? 0 : set.size();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
