package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.optim.Optimizer;
import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.core.schedule.Schedule;
import dev.lrlab.core.work.WorkGuard;
import java.util.SplittableRandom;

/**
 * One run, steppable. Not thread-safe: one thread calls {@link #step()} / {@link #advance(int)};
 * other threads may read the {@link Recorder} concurrently. Each step allocates nothing (buffers
 * are preallocated), except with roll-back, which saves the optimizer state.
 *
 * <p>Step t (0-based, leaving state t): lr = schedule.lr(t) (or 2·safety/λ̂max for the curvature
 * schedule) × the roll-back multiplier; momentum = schedule.momentum(t); g = ∇f(θ_t) (+ noise or
 * minibatch); g is clipped like {@code torch.nn.utils.clip_grad_norm_}; then
 * optimizer.step(θ, g, t+1, lr, momentum).
 *
 * <p>Divergence: when update k (1-based) yields a non-finite value or ‖θ_k‖ &gt; 1e12 the run stops
 * with status DIVERGED and {@code divergedAtStep = k}; θ stays at the last valid state k−1 and
 * nothing non-finite is recorded.
 */
public final class RunSimulator {
    public static final double DIVERGENCE_NORM = 1e12;

    public enum Status {
        RUNNING, COMPLETED, DIVERGED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Landscape landscape;
    private final RunConfig cfg;
    private final int n;
    private final int steps;
    private final Schedule schedule;
    private final CurvatureSchedule curvature;
    private final Optimizer opt;
    private final SplittableRandom rng;
    private final Recorder recorder;
    private final int every;

    private double[] theta;      // θ_t (swapped with thetaPrev by out-of-place steps)
    private double[] thetaPrev;
    private double[] grad;       // full gradient at θ_t
    private double[] gradNext;
    private final double[] work; // the gradient handed to the optimizer (it may overwrite it)
    private final double[] workSaved;

    // curvature
    private final double[] pv;
    private final double[] hv;
    private final double[] xTmp;
    private final double[] gTmp;

    // games
    private final boolean game;
    private final int split;
    private final Optimizer optY;
    private final Schedule scheduleY;
    private final double[] gx;
    private final double[] gy;
    private final double[] px;
    private final double[] py;
    private final double[] prevG;
    private final double[] equilibrium;

    // per-run constants of the step loop, read once here instead of through cfg every step
    private final RunConfig.Noise noise;
    private final double clipMax;          // NaN: no clipping
    private final boolean resetOnRestart;  // reset momentum at warm restarts (not with curvature)
    private final boolean inPlaceGrad;     // plain step may hand grad itself to the optimizer (no copy)
    private final double[] sums = new double[3];
    /** Steps between two deadline checks in {@link #runToEnd}: about {@link #CHECK_WORK} unit operations. */
    private final int checkEvery;

    private int t;
    private double loss;
    private double gradNormFull;
    private Status status = Status.RUNNING;
    private int divergedAtStep = -1;
    private double lastLr = Double.NaN;
    private double lastGradNorm = Double.NaN;
    private double lastUpdateNorm = Double.NaN;
    private double lrMultiplier = 1.0;
    private double lrSum;
    private double lrSquaredSum;
    private double firstLr = Double.NaN;
    private int rollbacks;

    public RunSimulator(Landscape landscape, RunConfig cfg, boolean record) {
        this.landscape = landscape;
        this.cfg = cfg;
        this.n = landscape.dim();
        if (cfg.start().length != n) {
            throw new IllegalArgumentException("start has " + cfg.start().length + " coordinates, landscape " + n);
        }
        this.steps = cfg.steps();
        this.schedule = cfg.schedule();
        this.curvature = schedule instanceof CurvatureSchedule cs ? cs : null;
        this.rng = new SplittableRandom(cfg.seed());
        this.every = Math.max(1, cfg.recordEvery());
        this.game = cfg.gameMethod() != null && landscape.isGame();
        this.split = game ? landscape.gameSplit() : 0;
        theta = cfg.start().clone();
        thetaPrev = new double[n];
        grad = new double[n];
        gradNext = new double[n];
        work = new double[n];
        workSaved = cfg.rollback() != null ? new double[n] : null;
        if (curvature != null) {
            pv = new double[n];
            java.util.Arrays.fill(pv, 1 / Math.sqrt(n));
            hv = new double[n];
            xTmp = new double[n];
            gTmp = new double[n];
        } else {
            pv = hv = xTmp = gTmp = null;
        }
        if (game) {
            opt = cfg.optimizer().apply(split);
            optY = (cfg.yOptimizer() != null ? cfg.yOptimizer() : cfg.optimizer()).apply(n - split);
            scheduleY = cfg.ySchedule() != null ? cfg.ySchedule() : schedule;
            gx = new double[split];
            px = new double[split];
            gy = new double[n - split];
            py = new double[n - split];
            prevG = new double[n];
            equilibrium = landscape.minima().isEmpty() ? new double[n] : landscape.minima().get(0).point();
        } else {
            opt = cfg.optimizer().apply(n);
            optY = null;
            scheduleY = null;
            gx = gy = px = py = prevG = equilibrium = null;
        }
        this.noise = cfg.noise();
        this.clipMax = cfg.clipNorm() == null ? Double.NaN : cfg.clipNorm();
        this.resetOnRestart = cfg.resetMomentumOnRestart() && curvature == null;
        // grad (the gradient at θ_t) is dead once the update is computed, so without roll-back
        // (which re-applies the same gradient) and without minibatches (a separate gradient) the
        // optimizer can take it as its scratch gradient
        this.inPlaceGrad = !game && workSaved == null && !(noise instanceof RunConfig.Minibatch);
        this.recorder = record ? new Recorder(n, game) : null;
        this.checkEvery = checkEvery(stepCost(landscape, cfg));
        loss = landscape.valueAndGradientAt(theta, grad, 0);
        gradNormFull = Vectors.norm(grad);
        if (!valid(theta, loss) || !Double.isFinite(gradNormFull)) {
            status = Status.DIVERGED;
            divergedAtStep = 0;
        } else if (recorder != null) {
            recorder.state(0, theta, loss, eqDistance());
        }
        if (status == Status.RUNNING && steps == 0) {
            status = Status.COMPLETED;
        }
    }

    /** Performs one update; false when the run had already ended or ends now. */
    public boolean step() {
        if (status != Status.RUNNING) {
            return false;
        }
        if (game) {
            gameStep();
        } else {
            plainStep();
        }
        return status == Status.RUNNING;
    }

    /** Up to {@code k} updates; returns how many were performed. */
    public int advance(int k) {
        int done = 0;
        while (done < k && status == Status.RUNNING) {
            step();
            done++;
        }
        return done;
    }

    /**
     * Runs to the end, checking the thread's {@link WorkGuard} (deadline, cancel, interruption)
     * every {@link #checkEvery} steps: every step when one step is expensive, every few thousand
     * when a step is a few dozen operations (a check costs about as much as a cheap 2-D step).
     * Throws {@link WorkGuard.Stopped} (a CancellationException) when stopped.
     */
    public void runToEnd() {
        while (status == Status.RUNNING) {
            advance(checkEvery);
            WorkGuard.check();
        }
    }

    /** Work (unit operations) between two deadline checks: about 10–100 µs. */
    static final double CHECK_WORK = 100_000;

    static int checkEvery(double stepCost) {
        return (int) Math.max(1, Math.min(4096, CHECK_WORK / Math.max(1, stepCost)));
    }

    /** Steps between two checks of the guard in {@link #runToEnd}. */
    public int checkEvery() {
        return checkEvery;
    }

    /**
     * Unit operations of one step of {@code cfg} on {@code l} (the server's cost estimate, and the
     * spacing of deadline checks): the gradient at the new point, the optimizer's and the engine's
     * passes over θ (about 12 per coordinate), a minibatch gradient, the curvature schedule's power
     * iterations (a Hessian-vector product each), a second gradient for alternating and
     * extragradient game steps, and in the worst case every roll-back retry's gradient.
     */
    public static double stepCost(Landscape l, RunConfig cfg) {
        double d = l.dim();
        double grad = l.gradientCost();
        double cost = grad + 12 * d;
        RunConfig.Noise noise = cfg.noise();
        if (noise instanceof RunConfig.Minibatch mb) {
            cost += l.minibatchCost(mb.batchSize());
        } else if (noise != null) {
            cost += 12 * d; // Gaussian draws
        }
        if (cfg.schedule() instanceof CurvatureSchedule cs) {
            cost += (double) cs.powerIterations() * (l.hessianVectorCost() + 4 * d);
        }
        if (cfg.gameMethod() == RunConfig.GameMethod.ALTERNATING || cfg.gameMethod() == RunConfig.GameMethod.EXTRAGRADIENT) {
            cost += grad + 4 * d;
        }
        if (cfg.rollback() != null) {
            cost += cfg.rollback().maxRetries() * (grad + 12 * d);
        }
        return cost;
    }

    private double lrAt(int step) {
        double base = curvature != null ? curvatureLr() : schedule.lr(step);
        return base * lrMultiplier;
    }

    /** η = 2·safety/|λ̂max| by warm-started power iteration on Hessian-vector products at θ_t. */
    private double curvatureLr() {
        double lambda = PowerIteration.estimate(landscape, theta, pv, curvature.powerIterations(), hv, xTmp, gTmp);
        double a = Math.abs(lambda);
        return a > 1e-12 && Double.isFinite(a) ? 2 * curvature.safety() / a : cfg.baseLr();
    }

    private void plainStep() {
        double lr = lrAt(t);
        double mom = curvature != null ? Double.NaN : schedule.momentum(t);
        if (resetOnRestart && schedule.restartsAt(t)) {
            opt.resetMomentum();
        }
        if (inPlaceGrad) {
            directStep(lr, mom);
            return;
        }
        RunConfig.Noise noise = this.noise;
        if (noise instanceof RunConfig.Minibatch mb) {
            landscape.minibatchGradient(theta, work, rng, mb.batchSize());
        } else {
            System.arraycopy(grad, 0, work, 0, n);
            if (noise instanceof RunConfig.Gaussian gn) {
                double s = gn.sigma() / Math.sqrt(gn.batchSize());
                for (int i = 0; i < n; i++) {
                    work[i] += s * rng.nextGaussian();
                }
            }
        }
        double gNorm = Vectors.norm(work);
        clip(work, gNorm);
        System.arraycopy(theta, 0, thetaPrev, 0, n);
        Object saved = null;
        if (workSaved != null) {
            System.arraycopy(work, 0, workSaved, 0, n);
            saved = opt.saveState();
        }
        double newLoss;
        double uNorm;
        int retries = 0;
        while (true) {
            opt.step(theta, work, t + 1, lr, mom);
            if (noise instanceof RunConfig.Thermostat th) {
                thermostat(th);
            }
            uNorm = Vectors.distance(theta, thetaPrev);
            newLoss = landscape.valueAndGradientAt(theta, gradNext, t + 1);
            if (workSaved == null || retries >= cfg.rollback().maxRetries() || !(gradNormFull > 0)) {
                break;
            }
            double ratio = Vectors.norm(gradNext) / gradNormFull;
            if (ratio <= cfg.rollback().ratio()) { // NaN ratio falls through to a retry
                break;
            }
            // reject: restore θ and optimizer state, shrink the lr, retry with the same gradient
            retries++;
            rollbacks++;
            System.arraycopy(thetaPrev, 0, theta, 0, n);
            System.arraycopy(workSaved, 0, work, 0, n);
            opt.restoreState(saved);
            lrMultiplier *= cfg.rollback().factor();
            lr *= cfg.rollback().factor();
        }
        accept(lr, gNorm, uNorm, newLoss);
    }

    /**
     * plainStep without roll-back or minibatches: the optimizer works on {@code grad} itself (no
     * copy) and writes the new θ into the other θ buffer (no copy either), the gradient norm of a
     * noise-free step is the one computed with the gradient, and the landscape computes the next
     * gradient together with ‖g‖², ‖θ‖² and ‖Δθ‖² in one pass. Same values, same order of
     * operations as the general path.
     */
    private void directStep(double lr, double mom) {
        final double[] g = grad;
        double gNorm;
        if (noise instanceof RunConfig.Gaussian gn) {
            double s = gn.sigma() / Math.sqrt(gn.batchSize());
            for (int i = 0; i < n; i++) {
                g[i] += s * rng.nextGaussian();
            }
            gNorm = Vectors.norm(g);
        } else {
            gNorm = gradNormFull;
        }
        clip(g, gNorm);
        // out of place: the new θ goes to the other buffer, θ_t stays as thetaPrev
        double[] old = theta;
        double[] next = thetaPrev;
        opt.stepInto(old, next, g, t + 1, lr, mom);
        theta = next;
        thetaPrev = old;
        if (noise instanceof RunConfig.Thermostat th) {
            thermostat(th);
        }
        double newLoss = landscape.valueGradientAndSums(theta, thetaPrev, gradNext, t + 1, sums);
        accept(lr, gNorm, Math.sqrt(sums[2]), newLoss, Math.sqrt(sums[0]), sums[1]);
    }

    private void thermostat(RunConfig.Thermostat th) {
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double d = theta[i] - thetaPrev[i];
            d2 += d * d;
        }
        double tau = Math.sqrt(Math.max(0, th.targetK() - d2) / n);
        if (tau > 0) {
            for (int i = 0; i < n; i++) {
                theta[i] += tau * rng.nextGaussian();
            }
        }
    }

    private void gameStep() {
        double lrX = lrAt(t);
        double lrY = scheduleY.lr(t) * lrMultiplier;
        double mom = schedule.momentum(t);
        double momY = scheduleY.momentum(t);
        if (cfg.resetMomentumOnRestart() && schedule.restartsAt(t)) {
            opt.resetMomentum();
            optY.resetMomentum();
        }
        System.arraycopy(theta, 0, thetaPrev, 0, n);
        double gNorm = gradNormFull;
        split(theta, px, py);
        switch (cfg.gameMethod()) {
            case SIMULTANEOUS -> {
                gradsFrom(grad);
                opt.step(px, gx, t + 1, lrX, mom);
                optY.step(py, gy, t + 1, lrY, momY);
            }
            case ALTERNATING -> {
                gradsFrom(grad);
                opt.step(px, gx, t + 1, lrX, mom);
                join(px, py, work);
                landscape.valueAndGradientAt(work, gradNext, t);
                gradsFrom(gradNext);
                optY.step(py, gy, t + 1, lrY, momY);
            }
            case OPTIMISTIC -> {
                if (t == 0) {
                    System.arraycopy(grad, 0, prevG, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    work[i] = 2 * grad[i] - prevG[i];
                }
                System.arraycopy(grad, 0, prevG, 0, n);
                gradsFrom(work);
                opt.step(px, gx, t + 1, lrX, mom);
                optY.step(py, gy, t + 1, lrY, momY);
            }
            case EXTRAGRADIENT -> {
                // look-ahead by a plain gradient step of each player's lr, then update from θ_t with
                // the gradient at the look-ahead point
                for (int i = 0; i < n; i++) {
                    work[i] = i < split ? theta[i] - lrX * grad[i] : theta[i] + lrY * grad[i];
                }
                landscape.valueAndGradientAt(work, gradNext, t);
                gradsFrom(gradNext);
                opt.step(px, gx, t + 1, lrX, mom);
                optY.step(py, gy, t + 1, lrY, momY);
            }
            default -> throw new IllegalStateException();
        }
        join(px, py, theta);
        double uNorm = Vectors.distance(theta, thetaPrev);
        double newLoss = landscape.valueAndGradientAt(theta, gradNext, t + 1);
        accept(lrX, gNorm, uNorm, newLoss);
    }

    /** gx = ∂f/∂x, gy = −∂f/∂y (the y player ascends). */
    private void gradsFrom(double[] g) {
        for (int i = 0; i < split; i++) {
            gx[i] = g[i];
        }
        for (int i = split; i < n; i++) {
            gy[i - split] = -g[i];
        }
    }

    private void split(double[] src, double[] a, double[] b) {
        System.arraycopy(src, 0, a, 0, split);
        System.arraycopy(src, split, b, 0, n - split);
    }

    private void join(double[] a, double[] b, double[] dst) {
        System.arraycopy(a, 0, dst, 0, split);
        System.arraycopy(b, 0, dst, split, n - split);
    }

    private void accept(double lr, double gNorm, double uNorm, double newLoss) {
        accept(lr, gNorm, uNorm, newLoss, Vectors.norm(gradNext), sumOfSquares(theta));
    }

    /** @param gNext ‖∇f(θ_{t+1})‖; @param thetaSq Σ θᵢ² of the new state */
    private void accept(double lr, double gNorm, double uNorm, double newLoss, double gNext, double thetaSq) {
        if (!valid(thetaSq, newLoss) || !Double.isFinite(lr) || !Double.isFinite(gNorm) || !Double.isFinite(uNorm)
                || !Double.isFinite(gNext)) {
            System.arraycopy(thetaPrev, 0, theta, 0, n);
            status = Status.DIVERGED;
            divergedAtStep = t + 1;
            finishRecording();
            return;
        }
        if (t == 0) {
            firstLr = lr;
        }
        lrSum += lr;
        lrSquaredSum += lr * lr;
        lastLr = lr;
        lastGradNorm = gNorm;
        lastUpdateNorm = uNorm;
        if (recorder != null && t % every == 0) {
            recorder.update(lr, gNorm, uNorm);
        }
        double[] tmp = grad;
        grad = gradNext;
        gradNext = tmp;
        gradNormFull = gNext;
        loss = newLoss;
        t++;
        if (recorder != null && t % every == 0) {
            recorder.state(t, theta, loss, eqDistance());
        }
        if (t >= steps) {
            status = Status.COMPLETED;
            finishRecording();
        }
    }

    private void finishRecording() {
        if (recorder != null && recorder.lastStep() != t) {
            recorder.state(t, theta, loss, eqDistance());
        }
    }

    private void clip(double[] g, double total) {
        double c = clipMax;
        if (Double.isNaN(c)) {
            return;
        }
        // torch.nn.utils.clip_grad_norm_: clip_coef = max_norm / (total_norm + 1e-6), applied when < 1
        double coef = c / (total + 1e-6);
        if (coef < 1) {
            for (int i = 0; i < n; i++) {
                g[i] *= coef;
            }
        }
    }

    private double eqDistance() {
        return game ? Vectors.distance(theta, equilibrium) : Double.NaN;
    }

    private static boolean valid(double[] x, double f) {
        return valid(sumOfSquares(x), f);
    }

    /** f finite and ‖x‖ ≤ DIVERGENCE_NORM, given s = Σ xᵢ². */
    private static boolean valid(double s, double f) {
        return Double.isFinite(f) && Double.isFinite(s) && Math.sqrt(s) <= DIVERGENCE_NORM;
    }

    private static double sumOfSquares(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }


    // ---- read side (call from the stepping thread, or after it finished) ----

    public Landscape landscape() {
        return landscape;
    }

    public RunConfig config() {
        return cfg;
    }

    /** Number of updates done = index of the current state. */
    public int currentStep() {
        return t;
    }

    public int totalSteps() {
        return steps;
    }

    /** A copy of the current θ. */
    public double[] theta() {
        return theta.clone();
    }

    /** Read-only view of the current θ (do not modify; valid until the next step). */
    public double thetaAt(int i) {
        return theta[i];
    }

    public double loss() {
        return loss;
    }

    /** lr of the last update (NaN before the first). */
    public double lr() {
        return lastLr;
    }

    public double firstLr() {
        return firstLr;
    }

    public double gradNorm() {
        return lastGradNorm;
    }

    public double updateNorm() {
        return lastUpdateNorm;
    }

    public Status status() {
        return status;
    }

    /** 1-based update that diverged, or -1. */
    public int divergedAtStep() {
        return divergedAtStep;
    }

    public double lrSum() {
        return lrSum;
    }

    public double lrSquaredSum() {
        return lrSquaredSum;
    }

    public double lrMultiplier() {
        return lrMultiplier;
    }

    public int rollbacks() {
        return rollbacks;
    }

    /** The recorder, or null when created with {@code record = false}. */
    public Recorder recorder() {
        return recorder;
    }
}
