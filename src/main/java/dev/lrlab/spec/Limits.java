package dev.lrlab.spec;

/**
 * Server-side caps, checked by {@link ExperimentCompiler} before any work is done.
 *
 * @param maxStepsPerRun  steps of one run
 * @param maxDim          dimension of a spec-built landscape
 * @param maxRuns         runs per experiment
 * @param maxTotalWork    Σ over runs of steps × dim
 * @param maxDataValues   n × features of a linear-regression data set
 */
public record Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues) {
    public static final Limits DEFAULT = new Limits(100_000, 10_000, 8, 2e8, 2_000_000);
}
