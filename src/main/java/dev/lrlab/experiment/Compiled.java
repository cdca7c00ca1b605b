package dev.lrlab.experiment;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.spec.Limits;
import java.util.Map;

/**
 * One experiment compiled once: the engine's runnable form, the typed canonical spec, and — computed
 * on first use from the defaults, never by compiling again — its minimal form and share code.
 * Immutable in what it exposes; every surface (page, API, CLI, link, class) works from one of these.
 */
public final class Compiled {
    private final CompiledExperiment engine;
    private final ExperimentSpec spec;
    private final Limits limits;
    private volatile Map<String, Object> minimal;

    Compiled(CompiledExperiment engine, Limits limits) {
        this.engine = engine;
        this.limits = limits;
        this.spec = ExperimentSpec.of(engine.canonicalSpec());
    }

    public CompiledExperiment engine() {
        return engine;
    }

    public Landscape landscape() {
        return engine.landscape();
    }

    /** The canonical spec: every default filled in. */
    public Map<String, Object> canonical() {
        return engine.canonicalSpec();
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /** The canonical spec without the fields that hold their default (what share codes store). */
    public Map<String, Object> minimal() {
        Map<String, Object> m = minimal;
        if (m == null) {
            m = MinimalForm.of(engine, limits);
            minimal = m;
        }
        return m;
    }
}
