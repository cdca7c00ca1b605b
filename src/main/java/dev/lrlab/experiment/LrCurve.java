package dev.lrlab.experiment;

/**
 * A run's learning rate before running it: lr(t) at {@code steps}. A curvature schedule has no
 * curve in advance (its lr depends on where the run is), then {@code curvature} is true and the
 * arrays are empty.
 */
public record LrCurve(boolean curvature, double[] steps, double[] lr) {
}
