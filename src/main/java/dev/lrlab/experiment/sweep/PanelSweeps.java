package dev.lrlab.experiment.sweep;

import dev.lrlab.experiment.Compiled;
import dev.lrlab.spec.SpecException;
import java.util.List;
import java.util.Map;

/**
 * The Compare page's sweeps of one panel's experiment: an LR sweep on a log grid and the (η, β)
 * stability map, both over the panel's run as it is (its landscape, start, steps, optimizer), and
 * the sweep a comparison preset opens with. Only the preparation: {@link Sweeps#start} computes.
 */
public final class PanelSweeps {
    /** The LR sweep's default grid around 2/λmax: from a hundredth of it to five times it. */
    public static final double BELOW_EDGE = 0.01;
    public static final double ABOVE_EDGE = 5;
    public static final int LR_POINTS = 40;
    public static final int MAP_POINTS = 40;

    private PanelSweeps() {
    }

    static String lrPath(int run) {
        return "runs[" + run + "].optimizer.lr";
    }

    /** η on a log grid of {@code count} values from {@code from} to {@code to} for run {@code run}. */
    public static SweepSpec lrSweep(Sweeps sweeps, Compiled panel, int run, double from, double to, int count) {
        return sweeps.prepare(panel.canonical(), List.of(SweepParameter.logRange(lrPath(run), from, to, count)));
    }

    /**
     * The default LR sweep of a run: around its 2/λmax at the start when the landscape has one
     * (so the edge sits inside the grid), else 1e-4 … 1.
     */
    public static SweepSpec lrSweep(Sweeps sweeps, Compiled panel, int run) {
        Double edge = Sweeps.analysis(panel, run).stableLr();
        boolean known = edge != null && edge > 0 && Double.isFinite(edge);
        return lrSweep(sweeps, panel, run, known ? edge * BELOW_EDGE : 1e-4, known ? edge * ABOVE_EDGE : 1, LR_POINTS);
    }

    /**
     * The (η, β) map of run 0 of an SGD panel: η up to 4/λmax, β from 0 to 0.99 (the heavy-ball
     * boundary 2(1+β)/λmax lies inside). {@link SpecException} on {@code runs[0].optimizer} when
     * the run has no momentum to sweep or its landscape no curvature to scale η by.
     */
    public static SweepSpec stabilityMap(Sweeps sweeps, Compiled panel, int lrCount, int momentumCount) {
        String type = panel.spec().runs().get(0).optimizer().type();
        if (!"sgd".equals(type)) {
            throw new SpecException("runs[0].optimizer.type", "the stability map sweeps SGD's momentum β; this run uses "
                    + type, List.of("sgd"));
        }
        Double lambdaMax = Sweeps.analysis(panel, 0).lambdaMax();
        if (lambdaMax == null || !(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
            throw new SpecException("landscape", "the stability map needs a positive curvature λmax at the start");
        }
        return sweeps.prepare(panel.canonical(), StabilityMap.parameters(lambdaMax, lrCount, momentumCount));
    }

    /** The sweep a comparison preset names ({@code kind} "lr" or "stability"), over its panel. */
    public static SweepSpec ofPreset(Sweeps sweeps, List<Compiled> panels, Map<String, ?> sweep) {
        Compiled panel = panels.get(intOf(sweep, "panel", 0));
        if ("stability".equals(sweep.get("kind"))) {
            return stabilityMap(sweeps, panel, intOf(sweep, "lrCount", MAP_POINTS), intOf(sweep, "momentumCount", MAP_POINTS));
        }
        return sweeps.prepare(panel.canonical(), List.of(SweepParameter.logRange((String) sweep.get("path"),
                ((Number) sweep.get("from")).doubleValue(), ((Number) sweep.get("to")).doubleValue(),
                intOf(sweep, "count", LR_POINTS))));
    }

    private static int intOf(Map<String, ?> m, String key, int dflt) {
        Object v = m.get(key);
        return v instanceof Number n ? n.intValue() : dflt;
    }
}
