package dev.lrlab.spec;

/**
 * Server-side caps, checked by {@link ExperimentCompiler} before any work is done.
 *
 * @param maxStepsPerRun     steps of one run
 * @param maxDim             dimension of a spec-built landscape
 * @param maxRuns            runs per experiment
 * @param maxTotalWork       the estimated work of one request in unit operations (about one
 *                           multiply-add each, roughly a nanosecond): building the landscape, every
 *                           step, the analysis before and after each run and the recording
 *                           ({@link WorkCost}); the default 4·10⁹ is a few seconds of one core
 * @param maxDataValues      n × features of a linear-regression data set
 * @param maxNesting         schedules inside schedules (scaled, sequential): a chain of a few hundred
 *                           costs seconds per step and per compile, while lessons need two or three
 * @param maxPowerIterations power iterations per step of the curvature schedule (each one is a
 *                           Hessian-vector product, so they multiply the cost of every step)
 * @param maxDenseDim        rows of a dense quadratic matrix (its Hessian is d² numbers, each
 *                           gradient d² operations)
 */
public record Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues,
                     int maxNesting, int maxPowerIterations, int maxDenseDim) {
    public static final int DEFAULT_MAX_NESTING = 8;
    public static final double DEFAULT_MAX_TOTAL_WORK = 4e9;
    public static final int DEFAULT_MAX_POWER_ITERATIONS = 1000;
    public static final int DEFAULT_MAX_DENSE_DIM = 1000;
    /**
     * Deepest JSON accepted (API bodies, share codes): a valid spec with schedules nested
     * {@link #DEFAULT_MAX_NESTING} deep needs about 20 levels; deeper text is refused while it is
     * parsed, before any spec code sees it.
     */
    public static final int MAX_JSON_DEPTH = 32;
    public static final Limits DEFAULT = new Limits(100_000, 10_000, 8, DEFAULT_MAX_TOTAL_WORK, 2_000_000,
            DEFAULT_MAX_NESTING);

    /** The caps with the default nesting, power-iteration and dense-matrix limits. */
    public Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues) {
        this(maxStepsPerRun, maxDim, maxRuns, maxTotalWork, maxDataValues, DEFAULT_MAX_NESTING);
    }

    /** The caps with the default power-iteration and dense-matrix limits. */
    public Limits(int maxStepsPerRun, int maxDim, int maxRuns, double maxTotalWork, long maxDataValues,
                  int maxNesting) {
        this(maxStepsPerRun, maxDim, maxRuns, maxTotalWork, maxDataValues, maxNesting, DEFAULT_MAX_POWER_ITERATIONS,
                DEFAULT_MAX_DENSE_DIM);
    }
}
