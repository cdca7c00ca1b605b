package dev.lrlab.core.schedule;

/** PyTorch MultiStepLR: η0·γ^(number of milestones ≤ t); a repeated milestone counts twice. */
public record MultiStepSchedule(double base, int[] milestones, double gamma) implements Schedule {
    public MultiStepSchedule {
        milestones = milestones.clone();
        java.util.Arrays.sort(milestones);
    }

    @Override
    public double lr(int t) {
        int n = 0;
        while (n < milestones.length && milestones[n] <= t) {
            n++;
        }
        return base * Math.pow(gamma, n);
    }
}
