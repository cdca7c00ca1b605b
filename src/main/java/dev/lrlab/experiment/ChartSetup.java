package dev.lrlab.experiment;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.RunConfig;

/**
 * What the charts of an experiment need to know before the first point: what the loss chart
 * plots, each run's samples per step (for the samples-processed axis, S5) and whether any run is
 * noisy (then the loss starts smoothed, S19–S22, S28).
 *
 * @param batchSizes per run its batch size B, or 0 for the full gradient
 * @param steps      per run its number of steps (the x axes end there)
 */
public record ChartSetup(LossAxis.Kind lossKind, int[] batchSizes, boolean noisy, int[] steps) {

    /** Equal for setups that draw the same empty charts (records compare arrays by reference). */
    public String key() {
        return lossKind + java.util.Arrays.toString(batchSizes) + noisy + java.util.Arrays.toString(steps);
    }

    /** The longest run's steps. */
    public int maxSteps() {
        return java.util.Arrays.stream(steps).max().orElse(0);
    }

    /** The most samples a run processes (B·steps; a full-gradient run counts its steps). */
    public long maxSamples() {
        long m = 0;
        for (int i = 0; i < steps.length; i++) {
            m = Math.max(m, (long) steps[i] * Math.max(1, i < batchSizes.length ? batchSizes[i] : 0));
        }
        return m;
    }

    public static ChartSetup of(CompiledExperiment e) {
        int[] b = new int[e.runs().size()];
        int[] steps = new int[b.length];
        boolean noisy = false;
        for (int i = 0; i < b.length; i++) {
            RunConfig r = e.runs().get(i);
            steps[i] = r.steps();
            if (r.noise() instanceof RunConfig.Minibatch m) {
                b[i] = m.batchSize();
            } else if (r.noise() instanceof RunConfig.Gaussian g) {
                b[i] = g.batchSize();
            }
            noisy |= r.noise() != null;
        }
        return new ChartSetup(LossAxis.of(e.landscape()).kind(), b, noisy, steps);
    }
}
