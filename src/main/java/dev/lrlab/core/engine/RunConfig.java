package dev.lrlab.core.engine;

import dev.lrlab.core.optim.Optimizer;
import dev.lrlab.core.schedule.Schedule;
import java.util.function.IntFunction;

/**
 * One compiled, validated run. Immutable apart from the optimizer factories, which create fresh
 * optimizer state for every simulation.
 *
 * @param optimizer      creates the optimizer for a given dimension (for games: the x player's)
 * @param schedule       the lr schedule (a {@code CurvatureSchedule} is evaluated by the engine)
 * @param baseLr         the optimizer's configured lr (curvature fallback, analysis)
 * @param momentumBeta   momentum or beta1 of the optimizer, for the effective lr η/(1−β); null if none
 * @param clipNorm       max total gradient norm, or null
 * @param noise          gradient / parameter noise, or null
 * @param rollback       look-ahead-and-roll-back (S17), or null
 * @param recordEvery    keep every k-th row (the last row is always kept)
 * @param gameMethod     null unless the landscape is a game
 * @param yOptimizer     the y player's optimizer factory (games), else null
 * @param ySchedule      the y player's schedule (games), else null
 */
public record RunConfig(int index, String label, String color, double[] start, int steps, long seed,
                        IntFunction<Optimizer> optimizer, Schedule schedule, double baseLr, Double momentumBeta,
                        Double clipNorm, Noise noise, Rollback rollback, boolean resetMomentumOnRestart,
                        int recordEvery, GameMethod gameMethod, IntFunction<Optimizer> yOptimizer,
                        Schedule ySchedule, double yBaseLr) {

    /** A plain run: no clipping, noise, roll-back, restarts reset, thinning or game. */
    public static RunConfig simple(String label, double[] start, int steps, long seed,
                                   IntFunction<Optimizer> optimizer, Schedule schedule, double baseLr) {
        return new RunConfig(0, label, null, start, steps, seed, optimizer, schedule, baseLr, null, null, null, null,
                false, 1, null, null, null, baseLr);
    }

    public RunConfig withClipNorm(Double c) {
        return new RunConfig(index, label, color, start, steps, seed, optimizer, schedule, baseLr, momentumBeta, c,
                noise, rollback, resetMomentumOnRestart, recordEvery, gameMethod, yOptimizer, ySchedule, yBaseLr);
    }

    public RunConfig withNoise(Noise n) {
        return new RunConfig(index, label, color, start, steps, seed, optimizer, schedule, baseLr, momentumBeta,
                clipNorm, n, rollback, resetMomentumOnRestart, recordEvery, gameMethod, yOptimizer, ySchedule, yBaseLr);
    }

    public RunConfig withRecordEvery(int k) {
        return new RunConfig(index, label, color, start, steps, seed, optimizer, schedule, baseLr, momentumBeta,
                clipNorm, noise, rollback, resetMomentumOnRestart, k, gameMethod, yOptimizer, ySchedule, yBaseLr);
    }

    public RunConfig withGame(GameMethod m, IntFunction<Optimizer> yOpt, Schedule ySched, double yLr) {
        return new RunConfig(index, label, color, start, steps, seed, optimizer, schedule, baseLr, momentumBeta,
                clipNorm, noise, rollback, resetMomentumOnRestart, recordEvery, m, yOpt, ySched, yLr);
    }

    public RunConfig withRollback(Rollback r) {
        return new RunConfig(index, label, color, start, steps, seed, optimizer, schedule, baseLr, momentumBeta,
                clipNorm, noise, r, resetMomentumOnRestart, recordEvery, gameMethod, yOptimizer, ySchedule, yBaseLr);
    }

    /** Gradient or parameter noise. */
    public sealed interface Noise permits Gaussian, Minibatch, Thermostat {
    }

    /** Adds N(0, σ²/B) to every gradient coordinate (S4). */
    public record Gaussian(double sigma, int batchSize) implements Noise {
    }

    /** Replaces the full gradient by a minibatch gradient of B samples drawn with replacement (S4, S5). */
    public record Minibatch(int batchSize) implements Noise {
    }

    /**
     * Noise thermostat (S24): after the optimizer's update Δ, adds ζ ~ N(0, τ²I) to θ with
     * τ² = max(0, K − ‖Δ‖²)/dim, so E‖Δθ‖² = ‖Δ‖² + dim·τ² = K whenever ‖Δ‖² ≤ K (and no noise
     * when the optimizer alone already moves further).
     */
    public record Thermostat(double targetK) implements Noise {
    }

    /**
     * S17: if ‖g(θ_next)‖/‖g(θ)‖ &gt; ratio (full, noise-free gradients) the step is undone (θ and
     * optimizer state restored), the run's lr multiplier is multiplied by {@code factor} and the same
     * gradient is applied again; at most {@code maxRetries} retries per step, then the step is kept.
     */
    public record Rollback(double ratio, double factor, int maxRetries) {
    }

    public enum GameMethod {
        SIMULTANEOUS, ALTERNATING, OPTIMISTIC, EXTRAGRADIENT;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
