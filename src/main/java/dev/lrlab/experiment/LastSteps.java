package dev.lrlab.experiment;

import dev.lrlab.core.engine.Recorder;

/**
 * Means over the last N steps of a run, the quantity noisy lessons compare (S4: the loss over the
 * last 1000 steps scales like 1/B; S19, S28: the noise floor in the last 100 steps; S24: the
 * thermostat's mean ‖Δθ‖² in the last 200). A smoothed curve is not that number: its EMA weighs
 * about its last 20 points and never the whole window.
 *
 * <p>The window is the states at steps T−N+1 … T (T the last recorded step) and the updates that
 * led to them (leaving steps T−N … T−1). Runs recorded every {@code stride} steps average the
 * recorded rows inside that window.
 *
 * @param steps             N, capped at the run's length
 * @param meanLoss          mean of f over the window, or null when a loss in it is not finite
 * @param meanSquaredUpdate mean of ‖Δθ‖² over the window's updates, or null when there are none
 */
public record LastSteps(int steps, Double meanLoss, Double meanSquaredUpdate) {

    /** The window a run of {@code maxSteps} steps gets when nobody chose one: its last tenth. */
    public static int defaultWindow(int maxSteps) {
        return Math.max(1, (maxSteps + 9) / 10);
    }

    /** Means over the last {@code n} steps of {@code rows}, a whole run recorded every {@code stride} steps. */
    public static LastSteps of(Recorder.Rows rows, int stride, int n) {
        int[] steps = rows.steps();
        if (steps.length == 0 || n < 1) {
            return new LastSteps(0, null, null);
        }
        int last = steps[steps.length - 1];
        int window = Math.min(n, last);
        int from = last - window;
        double loss = 0;
        int states = 0;
        boolean finite = true;
        for (int i = steps.length - 1; i >= 0 && steps[i] > from; i--) {
            finite &= Double.isFinite(rows.loss()[i]);
            loss += rows.loss()[i];
            states++;
        }
        double sq = 0;
        int updates = 0;
        double[] u = rows.updateNorm();
        for (int j = 0; j < u.length; j++) {
            long leaves = (long) (rows.firstUpdate() + j) * stride;
            if (leaves >= from && leaves < last) {
                sq += u[j] * u[j];
                updates++;
            }
        }
        Double meanLoss = states > 0 && finite ? loss / states : null;
        Double meanSq = updates > 0 && Double.isFinite(sq) ? sq / updates : null;
        return new LastSteps(window, meanLoss, meanSq);
    }
}
