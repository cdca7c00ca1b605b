package dev.lrlab.spec;

import java.util.List;
import java.util.Map;

/**
 * The nesting cap of schedules, checked on the raw spec before any factory runs: the factories
 * recurse once per level and the compiled schedule evaluates every level at every step, so a
 * crafted chain of a few hundred levels cost ~20 s per opened link. Only the keys through which
 * a schedule holds schedules count; the walk stops at the first level past the cap.
 */
final class Nesting {
    /** Fields of a schedule that hold further schedules ({@code scaled}, {@code sequential}). */
    private static final List<String> CHILD_KEYS = List.of("schedule", "envelope", "schedules");

    private Nesting() {
    }

    /**
     * Throws a {@link SpecException} naming the path of the first schedule nested deeper than
     * {@code max} (the run's own schedule is level 1).
     */
    static void checkSchedule(Object schedule, String path, int max) {
        walk(schedule, path, 1, max);
    }

    private static void walk(Object node, String path, int level, int max) {
        if (!(node instanceof Map<?, ?> m)) {
            return; // not an object: the factory reports the type error with its path
        }
        if (level > max) {
            throw new SpecException(path, "schedules nested more than " + max + " deep (server limit)");
        }
        for (String key : CHILD_KEYS) {
            Object child = m.get(key);
            if (child instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    walk(list.get(i), path + "." + key + "[" + i + "]", level + 1, max);
                }
            } else {
                walk(child, path + "." + key, level + 1, max);
            }
        }
    }
}
