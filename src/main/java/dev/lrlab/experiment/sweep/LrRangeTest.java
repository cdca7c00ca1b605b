package dev.lrlab.experiment.sweep;

import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.schedule.ExponentialRampSchedule;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Params;
import dev.lrlab.spec.SpecException;
import dev.lrlab.spec.WorkCost;
import java.util.Arrays;
import java.util.Map;

/**
 * The learning-rate range test (fastai {@code lr_find}): one run of a compiled experiment's run
 * with its schedule replaced by {@link ExponentialRampSchedule} (lr from {@code startLr} to {@code
 * endLr} over {@code steps}), everything else (optimizer, clipping, noise, start, seed) as the spec
 * says. fastai's rules: the loss is smoothed exponentially with β = 0.98 and bias correction, the
 * run stops once the smoothed loss exceeds 4× the best smoothed loss (or diverges), and the
 * suggestions are computed on the smoothed loss without the first 10% and the last 5 points:
 * "steep" = the lr where d(smoothed)/d(log lr) is most negative, "minimum" = the lr of the lowest
 * smoothed loss divided by 10.
 */
public final class LrRangeTest {
    /** fastai's defaults: {@code start_lr=1e-7, end_lr=10, num_it=100}. */
    public static final double DEFAULT_START_LR = 1e-7;
    public static final double DEFAULT_END_LR = 10;
    public static final int DEFAULT_STEPS = 100;
    /** fastai's {@code Recorder} smoothing: {@code AvgSmoothLoss(beta=0.98)}. */
    public static final double SMOOTHING = 0.98;
    /** fastai's {@code LRFinder(stop_div=True)}: stop when smoothed loss &gt; 4 × best. */
    public static final double DIVERGENCE_FACTOR = 4;
    public static final String STEEP_RULE = "steepest descent of the smoothed loss";
    public static final String MINIMUM_RULE = "lr of the lowest smoothed loss / 10";

    private final ExperimentService service;

    public LrRangeTest(ExperimentService service) {
        this.service = service;
    }

    /** A validated range test. */
    public record Request(Compiled compiled, int run, double startLr, double endLr, int steps) {
    }

    /** A suggested lr and the rule that chose it. */
    public record Suggestion(Double lr, String rule) {
    }

    /**
     * @param lr            lr of update k (k = 0 … n−1)
     * @param loss          f(θ_{k+1}): the loss after the update taken with lr[k] (fastai records the
     *                      batch loss before its step; pairing each lr with the loss it produced
     *                      removes one step of lag on a deterministic landscape)
     * @param smoothed      bias-corrected exponential moving average of loss
     * @param stoppedAtStep the number of updates done when the test stopped: steps, or earlier when
     *                      the smoothed loss passed 4× its best or the run diverged
     * @param stopReason    "completed", "smoothed loss > 4 × best" or "diverged"
     */
    public record Result(double[] lr, double[] loss, double[] smoothed, Suggestion suggestion, Suggestion minimum,
                         int stoppedAtStep, String stopReason) {
    }

    /** Parses {@code {"spec", "run", "startLr", "endLr", "steps"}}; errors name the field. */
    public Request parse(Map<String, ?> body) {
        Params p = Params.root(body);
        p.allowOnly("spec", "run", "startLr", "endLr", "steps");
        Params spec = p.object("spec");
        if (spec == null) {
            throw new SpecException("spec", "is required: the experiment whose run is tested");
        }
        Compiled c;
        try {
            c = service.compile(spec.asMap());
        } catch (SpecException e) {
            throw new SpecException(e.field() == null || e.field().isEmpty() ? "spec" : "spec." + e.field(),
                    e.getMessage(), e.allowed());
        }
        int run = p.integer("run", 0, 0, c.engine().runs().size() - 1);
        double start = p.number("startLr", DEFAULT_START_LR, Double.MIN_NORMAL, 1e6);
        double end = p.number("endLr", DEFAULT_END_LR, Double.MIN_NORMAL, 1e6);
        if (!(end > start)) {
            throw new SpecException("endLr", "must be greater than startLr (" + start + ")");
        }
        int steps = p.integer("steps", DEFAULT_STEPS, 2, service.limits().maxStepsPerRun());
        // the test's work: the landscape, then `steps` steps of the chosen run (no recording)
        RunConfig tested = c.engine().runs().get(run);
        double work = c.landscape().buildCost() + steps * RunSimulator.stepCost(c.landscape(), tested);
        if (work > service.limits().maxTotalWork()) {
            throw new SpecException("steps", "this range test needs about " + WorkCost.sci(work)
                    + " unit operations of work, more than this server's limit of "
                    + WorkCost.sci(service.limits().maxTotalWork()) + " per request (lrlab.limits.max-total-work)");
        }
        if (c.landscape().isGame()) {
            throw new SpecException("spec.landscape.type", "the range test needs a loss to minimise, not a game");
        }
        return new Request(c, run, start, end, steps);
    }

    /** Runs the test on the bounded pool (time limit, 503 when busy). */
    public Result run(Request r) {
        return service.bounded(() -> compute(r));
    }

    /** Runs the test on the calling thread. */
    public static Result compute(Request r) {
        RunConfig base = r.compiled().engine().runs().get(r.run());
        Landscape l = r.compiled().landscape();
        ExponentialRampSchedule ramp = new ExponentialRampSchedule(r.startLr(), r.endLr(), r.steps());
        // the run with the ramp as its schedule, recording nothing (one loss per step is kept here)
        RunConfig cfg = new RunConfig(base.index(), base.label(), base.color(), base.start(), r.steps(), base.seed(),
                base.optimizer(), ramp, r.startLr(), base.momentumBeta(), base.clipNorm(), base.noise(),
                base.rollback(), false, r.steps(), null, null, null, r.startLr());
        RunSimulator sim = new RunSimulator(l, cfg, false);
        int n = r.steps();
        double[] lr = new double[n];
        double[] loss = new double[n];
        double[] smooth = new double[n];
        double avg = 0;
        double best = Double.POSITIVE_INFINITY;
        int k = 0;
        String reason = "completed";
        while (k < n) {
            if (k % sim.checkEvery() == 0) {
                dev.lrlab.core.work.WorkGuard.check(); // deadline, cancel, interruption
            }
            sim.step();
            if (sim.status() == RunSimulator.Status.DIVERGED) {
                reason = "diverged";
                break;
            }
            lr[k] = sim.lr();
            loss[k] = sim.loss();
            avg = SMOOTHING * avg + (1 - SMOOTHING) * loss[k];
            smooth[k] = avg / (1 - Math.pow(SMOOTHING, k + 1));
            best = Math.min(best, smooth[k]);
            k++;
            // fastai: smooth_loss > 4·best_loss; written as best + 3|best| so it also means "far
            // worse than the best" for landscapes whose loss goes negative
            if (smooth[k - 1] > best + (DIVERGENCE_FACTOR - 1) * Math.abs(best)) {
                reason = "smoothed loss > 4 × best";
                break;
            }
        }
        double[] lrs = Arrays.copyOf(lr, k);
        double[] sm = Arrays.copyOf(smooth, k);
        return new Result(lrs, Arrays.copyOf(loss, k), sm, steep(lrs, sm, n), minimum(lrs, sm, n), k, reason);
    }

    /** fastai trims {@code [num_it // 10 : -5]} before suggesting; fall back to all points when too few. */
    private static int[] window(int have, int numIt) {
        int from = numIt / 10;
        int to = have - 5;
        return to - from >= 2 ? new int[]{from, to} : new int[]{0, have};
    }

    static Suggestion steep(double[] lrs, double[] smoothed, int numIt) {
        int[] w = window(lrs.length, numIt);
        int arg = -1;
        double min = Double.POSITIVE_INFINITY;
        for (int i = w[0]; i + 1 < w[1]; i++) {
            double g = (smoothed[i + 1] - smoothed[i]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i]));
            if (g < min) {
                min = g;
                arg = i;
            }
        }
        return new Suggestion(arg < 0 ? null : lrs[arg], STEEP_RULE);
    }

    static Suggestion minimum(double[] lrs, double[] smoothed, int numIt) {
        int[] w = window(lrs.length, numIt);
        int arg = -1;
        for (int i = w[0]; i < w[1]; i++) {
            if (arg < 0 || smoothed[i] < smoothed[arg]) {
                arg = i;
            }
        }
        return new Suggestion(arg < 0 ? null : lrs[arg] / 10, MINIMUM_RULE);
    }
}
