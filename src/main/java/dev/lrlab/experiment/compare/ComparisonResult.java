package dev.lrlab.experiment.compare;

import dev.lrlab.core.engine.ExperimentResult;
import java.util.List;

/**
 * The answer to a comparison: each panel's result (as {@code /api/simulate} gives for one
 * experiment), what differs per panel from panel 0, and one metrics row per run of every panel
 * (panel-major), ready for {@link BaselineDelta#against}.
 */
public record ComparisonResult(List<ExperimentResult> panels, List<List<SpecDiff.Difference>> differences,
                               List<RunMetrics> metrics) {

    /** The metrics row of run {@code run} of panel {@code panel}. */
    public int indexOf(int panel, int run) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).panel() == panel && metrics.get(i).run() == run) {
                return i;
            }
        }
        throw new IllegalArgumentException("no run " + run + " in panel " + panel);
    }

    /** Deltas of every row against the row of (panel, run). */
    public List<List<BaselineDelta.Delta>> deltas(int panel, int run) {
        return BaselineDelta.against(metrics, indexOf(panel, run));
    }
}
