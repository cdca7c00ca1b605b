package dev.lrlab.spec;

/**
 * Server-side caps, checked by {@link ExperimentCompiler} before any work is done.
 *
 * @param maxStepsPerRun  steps of one run
 * @param maxDim          dimension of a spec-built landscape
 * @param maxRuns         runs per experiment
 * @param maxTotalWork    Σ over runs of steps × dim
 * @param maxDataValues   n × features of a linear-regression data set
 * @param maxNesting      schedules inside schedules (scaled, sequential): a chain of a few hundred
 *                        costs seconds per step and per compile, while lessons need two or three
 */
public record Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues,
                     int maxNesting) {
    public static final int DEFAULT_MAX_NESTING = 8;
    /**
     * Deepest JSON accepted (API bodies, share codes): a valid spec with schedules nested
     * {@link #DEFAULT_MAX_NESTING} deep needs about 20 levels; deeper text is refused while it is
     * parsed, before any spec code sees it.
     */
    public static final int MAX_JSON_DEPTH = 32;
    public static final Limits DEFAULT = new Limits(100_000, 10_000, 8, 2e8, 2_000_000, DEFAULT_MAX_NESTING);

    /** The caps with the default nesting limit. */
    public Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues) {
        this(maxStepsPerRun, maxDim, maxRuns, maxTotalWork, maxDataValues, DEFAULT_MAX_NESTING);
    }
}
