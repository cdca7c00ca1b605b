package dev.lrlab.core.schedule;

/**
 * PyTorch OneCycleLR. Ignores the optimizer's lr: starts at maxLr/divFactor, rises to maxLr over
 * pctStart of totalSteps, then anneals to initial/finalDivFactor (threePhase: back to the initial
 * lr first, then to the minimum). Momentum (or Adam β1) runs opposite when cycleMomentum is set.
 * Valid for t ≤ totalSteps (PyTorch raises beyond).
 */
public record OneCycleSchedule(double maxLr, int totalSteps, double pctStart, boolean cosine, double divFactor,
                               double finalDivFactor, boolean threePhase, boolean cycleMomentum,
                               double baseMomentum, double maxMomentum) implements Schedule {

    private double initialLr() {
        return maxLr / divFactor;
    }

    private double minLr() {
        return initialLr() / finalDivFactor;
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    /** Returns lr (which=0) or momentum (which=1) at step t. */
    private double value(int t, int which) {
        if (t > totalSteps) {
            throw new IllegalArgumentException("oneCycle: step " + t + " is past totalSteps " + totalSteps);
        }
        double init = initialLr();
        double[] ends;
        double[][] lrs;
        double[][] moms;
        if (threePhase) {
            ends = new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1};
            lrs = new double[][] {{init, maxLr}, {maxLr, init}, {init, minLr()}};
            moms = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum}, {maxMomentum, maxMomentum}};
        } else {
            ends = new double[] {pctStart * totalSteps - 1, totalSteps - 1};
            lrs = new double[][] {{init, maxLr}, {maxLr, minLr()}};
            moms = new double[][] {{maxMomentum, baseMomentum}, {baseMomentum, maxMomentum}};
        }
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            double end = ends[i];
            if (t <= end || i == ends.length - 1) {
                double pct = (t - start) / (end - start);
                double[] se = which == 0 ? lrs[i] : moms[i];
                return anneal(se[0], se[1], pct);
            }
            start = end;
        }
        throw new AssertionError();
    }

    @Override
    public double lr(int t) {
        return value(t, 0);
    }

    @Override
    public double momentum(int t) {
        return cycleMomentum ? value(t, 1) : Double.NaN;
    }
}
