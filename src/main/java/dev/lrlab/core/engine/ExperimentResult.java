package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import java.util.List;
import java.util.Map;

/** The result of {@link ExperimentRunner#run}: the canonical spec, landscape info and per-run results. */
public record ExperimentResult(Map<String, Object> spec, String landscape, int dim,
                               Landscape.ViewBox viewBox, List<Landscape.Minimum> minima, List<RunResult> runs) {
}
