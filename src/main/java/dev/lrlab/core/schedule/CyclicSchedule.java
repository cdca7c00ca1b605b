package dev.lrlab.core.schedule;

/**
 * PyTorch CyclicLR (S22). Ignores the optimizer's lr. Modes: triangular, triangular2 (amplitude
 * halves each cycle), exp_range (amplitude γ^t). With cycleMomentum the momentum (or Adam β1) runs
 * opposite to the lr, between maxMomentum (at baseLr) and baseMomentum (at maxLr).
 */
public record CyclicSchedule(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, String mode,
                             double gamma, boolean cycleMomentum, double baseMomentum, double maxMomentum)
        implements Schedule {

    private double totalSize() {
        return (double) stepSizeUp + (double) stepSizeDown;
    }

    private double scaleFactor(int t) {
        double total = totalSize();
        double stepRatio = stepSizeUp / total;
        double cycle = Math.floor(1 + t / total);
        double x = 1. + t / total - cycle;
        return x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    }

    private double scale(int t) {
        switch (mode) {
            case "triangular":
                return 1.0;
            case "triangular2": {
                double cycle = Math.floor(1 + t / totalSize());
                return 1 / Math.pow(2., cycle - 1);
            }
            default:
                return Math.pow(gamma, t);
        }
    }

    @Override
    public double lr(int t) {
        double baseHeight = (maxLr - baseLr) * scaleFactor(t);
        return baseLr + baseHeight * scale(t);
    }

    @Override
    public double momentum(int t) {
        if (!cycleMomentum) {
            return Double.NaN;
        }
        double baseHeight = (maxMomentum - baseMomentum) * scaleFactor(t);
        return maxMomentum - baseHeight * scale(t);
    }
}
