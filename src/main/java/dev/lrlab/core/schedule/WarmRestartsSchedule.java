package dev.lrlab.core.schedule;

/**
 * PyTorch CosineAnnealingWarmRestarts (SGDR, S21): cycles of length T0, T0·m, T0·m², …; within a
 * cycle η_min + ½(η0 − η_min)(1 + cos(π·Tcur/Ti)). {@link #restartsAt} is true where Tcur = 0, t &gt; 0.
 */
public record WarmRestartsSchedule(double base, int t0, int tMult, double etaMin) implements Schedule {

    @Override
    public double lr(int t) {
        long ti = t0;
        long tcur = t;
        while (tcur >= ti) {
            tcur -= ti;
            ti *= tMult;
        }
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tcur / ti)) / 2;
    }

    @Override
    public boolean restartsAt(int t) {
        if (t <= 0) {
            return false;
        }
        long ti = t0;
        long tcur = t;
        while (tcur >= ti) {
            tcur -= ti;
            ti *= tMult;
        }
        return tcur == 0;
    }
}
