package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment ready to run: the landscape (immutable, shared by all runs), the runs, and
 * the canonical spec (every default filled in) that forms and share links use.
 */
public record CompiledExperiment(Landscape landscape, List<RunConfig> runs, Map<String, Object> canonicalSpec) {
    public CompiledExperiment {
        runs = List.copyOf(runs);
    }
}
