package dev.lrlab.experiment;

import dev.lrlab.core.landscape.Landscape;

/**
 * What the loss chart plots so that it stays meaningful for every landscape (on a log axis too):
 * for games the distance to the equilibrium (f = xy is negative half the time and says nothing
 * about convergence); where the landscape knows its global minimum f*, the suboptimality f − f*
 * (≥ 0, so double wells, flat-vs-sharp pits and negative losses no longer vanish from a log axis);
 * otherwise f itself.
 *
 * @param kind  which quantity
 * @param fStar the global minimum value subtracted (SUBOPTIMALITY only, else 0)
 */
public record LossAxis(Kind kind, double fStar) {

    public enum Kind { LOSS, SUBOPTIMALITY, EQUILIBRIUM_DISTANCE }

    public static LossAxis of(Landscape l) {
        if (l.isGame()) {
            return new LossAxis(Kind.EQUILIBRIUM_DISTANCE, 0);
        }
        double best = Double.POSITIVE_INFINITY;
        for (Landscape.Minimum m : l.minima()) {
            best = Math.min(best, m.value());
        }
        return Double.isFinite(best) ? new LossAxis(Kind.SUBOPTIMALITY, best) : new LossAxis(Kind.LOSS, 0);
    }

    /**
     * The plotted values of recorded rows: f − f* (never below one rounding unit of f*: rounding
     * can put a run a hair under the analytic minimum), the equilibrium distances, or the losses.
     */
    public double[] plotted(double[] loss, double[] equilibriumDistance) {
        if (kind == Kind.EQUILIBRIUM_DISTANCE && equilibriumDistance != null) {
            return equilibriumDistance.clone();
        }
        if (kind != Kind.SUBOPTIMALITY) {
            return loss.clone();
        }
        // f − f* below one rounding unit of f* is "at the minimum to machine precision": drawn at
        // that floor instead of 0, which a log axis cannot show (the line would just stop)
        double floor = fStar == 0 ? 0 : Math.ulp(fStar);
        double[] out = new double[loss.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(floor, loss[i] - fStar);
        }
        return out;
    }
}
