package dev.lrlab.core.engine;

/**
 * One run's output (JSON-friendly: arrays of finite numbers, null for not applicable).
 * {@code steps[i]} is the step index of row i of {@code theta}, {@code loss} and
 * {@code equilibriumDistance}; {@code lr[i]}, {@code gradNorm[i]}, {@code updateNorm[i]} belong to
 * the update leaving state {@code steps[i]} (one row fewer than the state rows when the run ends).
 * {@code theta} rows hold the first {@code recordedDim} coordinates.
 */
public record RunResult(String label, String color, String status, Integer divergedAtStep, int stepsDone,
                        int recordedDim, int[] steps, double[][] theta, double[] loss, double[] lr,
                        double[] gradNorm, double[] updateNorm, double[] equilibriumDistance, RunAnalysis analysis) {

    /**
     * @param start          Hessian spectrum at the start point
     * @param end            Hessian spectrum at the end point (last valid state)
     * @param preview        λmax, 2/λmax, ηλmax, |1−ηλi|, effective lr for the first lr
     * @param sharpnessEnd   λmax at the end (S26)
     * @param testLoss       loss of the end point on the shifted test landscape (flatSharp), else null
     * @param finalLoss      loss at the end point
     * @param lrSum          Σ ηt over performed updates (S23)
     * @param lrSquaredSum   Σ ηt²
     * @param finalLrMultiplier the roll-back multiplier at the end (1 without roll-back)
     * @param rollbacks      number of rejected steps
     */
    public record RunAnalysis(Analysis.Hessian start, Analysis.Hessian end, Analysis.Preview preview,
                              Double sharpnessEnd, Double testLoss, double finalLoss, double lrSum,
                              double lrSquaredSum, double finalLrMultiplier, int rollbacks) {
    }
}
