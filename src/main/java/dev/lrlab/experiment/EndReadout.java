package dev.lrlab.experiment;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.Regime;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.schedule.CurvatureSchedule;

/**
 * Where a run ended, in the terms of S26/S27: the sharpness λmax of the Hessian at the last
 * finite state against the stability limit 2/η of its last learning rate (a large η cannot stay
 * in a minimum sharper than 2/η), and the end point's loss on the shifted test landscape.
 *
 * @param sharpness λmax at the end, or null when it cannot be computed (dimension too large)
 * @param edge      2/η of the last lr, or null when η = 0
 * @param testLoss  loss on the test landscape, or null when the landscape has none
 * @param rollbacks the roll-back count of a run with roll-back (S17), else null
 * @param last      means over the last N steps of a noisy run (S4, S19, S24, S28), else null
 * @param edgeName  how the edge is computed, as the page writes it ("2/η", "2(1+β)/η", …)
 */
public record EndReadout(Double sharpness, Double edge, Double testLoss, RollbackCount rollbacks, LastSteps last,
                         String edgeName) {

    /** Plain gradient descent's edge. */
    static final String GD_EDGE = "2/η";

    public EndReadout(Double sharpness, Double edge, Double testLoss) {
        this(sharpness, edge, testLoss, null, null, GD_EDGE);
    }

    /** The same end, with the means over the run's last steps. */
    public EndReadout withLast(LastSteps means) {
        return new EndReadout(sharpness, edge, testLoss, rollbacks, means, edgeName);
    }

    /**
     * A run with roll-back (S17): how many steps were rejected and the lr it ends with.
     *
     * @param count      rejected steps
     * @param multiplier factor^count, the share of the schedule's lr that is left
     * @param lr         the last lr used
     */
    public record RollbackCount(int count, double multiplier, double lr) {
    }

    /**
     * The same end, with the roll-back count of {@code run}: every rejection multiplies the lr by
     * the run's factor for the rest of the run, so the last lr over the schedule's lr at that step
     * is factor^count (exactly: the count is read off the rows the page has, no extra state). Not
     * for the curvature schedule, whose lr depends on θ.
     */
    public EndReadout withRollbacks(RunConfig run, int lastUpdateStep, double lastLr) {
        if (run.rollback() == null || run.schedule() instanceof CurvatureSchedule) {
            return this;
        }
        double scheduled = run.schedule().lr(lastUpdateStep);
        double factor = run.rollback().factor();
        if (!(scheduled > 0) || !(lastLr > 0) || !(factor > 0 && factor < 1)) {
            return this;
        }
        int count = (int) Math.round(Math.log(lastLr / scheduled) / Math.log(factor));
        return new EndReadout(sharpness, edge, testLoss, new RollbackCount(count, Math.pow(factor, count), lastLr), last,
                edgeName);
    }

    /** True when the end point is sharper than the last lr can hold (λmax &gt; 2/η). */
    public boolean beyondEdge() {
        return sharpness != null && edge != null && sharpness > edge;
    }

    /**
     * The end of run {@code run} of {@code spec}: the edge is the one its update has on a
     * quadratic. Plain SGD: 2/η. Heavy-ball momentum β: 2(1+β)/η; PyTorch's Nesterov form:
     * 2(1+β)/((1+2β)η). None for an adaptive optimizer, a curvature schedule or clipping, whose
     * step is not η·g: their end sharpness stays, with no verdict (the readouts above say the GD
     * edge does not apply to them).
     */
    public static EndReadout of(Landscape l, double[] end, double lastLr, RunConfig run, ExperimentSpec.RunSpec spec) {
        EndReadout plain = of(l, end, lastLr);
        if (RunPreview.adaptive(spec, run) || run.clipNorm() != null || plain.edge() == null) {
            return new EndReadout(plain.sharpness(), null, plain.testLoss());
        }
        double beta = run.momentumBeta() == null ? 0 : run.momentumBeta();
        boolean nesterov = Boolean.TRUE.equals(spec.optimizer().get("nesterov"));
        Double d = spec.optimizer().number("dampening");
        // PyTorch applies dampening to the velocity only: without momentum there is none
        double damp = beta > 0 && d != null ? d : 0;
        // the page names the formula with the value: 380 next to "2/η" would read as a wrong 2/η
        String den = (nesterov ? "(1+2β)" : "") + (damp != 0 ? "(1−d)" : "") + "η";
        String name = beta == 0 ? GD_EDGE : "2(1+β)/" + (den.equals("η") ? den : "(" + den + ")");
        return new EndReadout(plain.sharpness(), Regime.edge(beta, damp, nesterov) / lastLr, plain.testLoss(), null,
                null, name);
    }

    /** Cheap for the 2-D and 1-D landscapes of the playground; larger ones use the dense eigen solver's limit. */
    public static EndReadout of(Landscape l, double[] end, double lastLr) {
        Analysis.Hessian h = Analysis.hessian(l, end);
        Landscape test = l.testLandscape();
        double t = test == null ? Double.NaN : test.value(end);
        Double testLoss = Double.isFinite(t) ? t : null;
        Double edge = lastLr > 0 && Double.isFinite(lastLr) ? 2 / lastLr : null;
        return new EndReadout(h.lambdaMax(), edge, testLoss);
    }
}
