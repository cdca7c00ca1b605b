package dev.lrlab.experiment;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.landscape.Landscape;
import java.util.List;
import java.util.Map;

/**
 * The answer of POST /api/analyze: what can be said about each run before running it.
 *
 * @param spec      the canonical spec (every default filled in)
 * @param landscape display name of the landscape
 * @param dim       its dimension
 * @param game      true for minimax landscapes (x descends, y ascends)
 * @param viewBox   the 2-D plotting window
 * @param minima    known minima (or equilibria)
 * @param runs      one preview per run, in spec order
 */
public record AnalyzeResponse(Map<String, Object> spec, String landscape, int dim, boolean game,
                              Landscape.ViewBox viewBox, List<Landscape.Minimum> minima, List<RunPreview> runs) {

    /**
     * @param index   run index
     * @param label   run label
     * @param steps   the run's steps
     * @param preview Hessian spectrum at the start (λmax, λmin, κ, 2/λmax), first lr, ηλmax,
     *                |1−ηλi|, momentum β and effective lr η/(1−β)
     */
    public record RunPreview(int index, String label, int steps, Analysis.Preview preview) {
    }
}
