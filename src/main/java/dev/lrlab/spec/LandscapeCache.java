package dev.lrlab.spec;

import dev.lrlab.core.landscape.Landscape;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of built landscapes keyed by their canonical spec. Bounded by
 * entries and by the data they hold (a data landscape keeps n × features numbers), so a burst of
 * large data sets cannot pin much heap. Building happens outside the lock: two threads asking for
 * the same new landscape may both build it, which is harmless (landscapes are immutable and equal).
 */
final class LandscapeCache {
    /** Data values (n × features) kept across all cached data landscapes: 4 M doubles = 32 MB. */
    static final long MAX_DATA_VALUES = 4_000_000;

    private final int maxEntries;
    private final Map<Map<String, Object>, Landscape> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long dataValues;

    LandscapeCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Landscape get(Map<String, Object> canonical, Supplier<Landscape> build) {
        synchronized (this) {
            Landscape hit = entries.get(canonical);
            if (hit != null) {
                return hit;
            }
        }
        Landscape built = build.get();
        synchronized (this) {
            Landscape old = entries.put(canonical, built);
            if (old != null) {
                dataValues -= weight(old);
            }
            dataValues += weight(built);
            Iterator<Landscape> eldest = entries.values().iterator();
            while ((entries.size() > maxEntries || dataValues > MAX_DATA_VALUES) && entries.size() > 1) {
                Landscape gone = eldest.next();
                dataValues -= weight(gone);
                eldest.remove();
            }
        }
        return built;
    }

    synchronized int size() {
        return entries.size();
    }

    private static long weight(Landscape l) {
        return (long) l.dataSize() * l.dim();
    }
}
