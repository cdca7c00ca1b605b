package dev.lrlab.links;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings a stored spec forward to the current spec version on read, so a link saved today opens
 * identically after the spec changes. A row keeps the version it was written in (never rewritten);
 * each step {@code v → v+1} is a pure function of the spec, added here with the change that needs
 * it, and the saved-links fixture (src/test/resources/links) must keep opening to the same
 * trajectories through every step.
 */
public final class SpecMigrations {
    /** The spec version this server writes. */
    public static final int CURRENT = 1;

    /**
     * STEPS[v - 1] turns a version-v spec into a version-(v+1) spec. Empty while version 1 is the
     * only one: migrating a version-1 spec is the identity.
     */
    private static final UnaryOperator<Map<String, Object>>[] STEPS = steps();

    private SpecMigrations() {
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<Map<String, Object>>[] steps() {
        return new UnaryOperator[0];
    }

    /** The spec of a stored version, migrated to {@link #CURRENT}. */
    public static Map<String, Object> toCurrent(int version, Map<String, Object> spec) {
        if (version < 1) {
            throw new IllegalArgumentException("spec versions start at 1, was " + version);
        }
        if (version > CURRENT) {
            throw new UnsupportedVersionException(version);
        }
        Map<String, Object> s = spec;
        for (int v = version; v < CURRENT; v++) {
            s = STEPS[v - 1].apply(s);
        }
        return s;
    }

    /** A link written by a newer LR Lab than this one (e.g. during a rolling upgrade of several nodes). */
    public static final class UnsupportedVersionException extends RuntimeException {
        public UnsupportedVersionException(int version) {
            super("this link was saved with spec version " + version + ", newer than this server's version "
                    + CURRENT + "; open it on an updated LR Lab");
        }
    }
}
