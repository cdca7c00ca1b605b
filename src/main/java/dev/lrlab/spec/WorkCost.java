package dev.lrlab.spec;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.landscape.LinearRegression;
import dev.lrlab.core.schedule.CurvatureSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost model: the work a request will do, in unit operations (about one multiply-add each),
 * estimated from the compiled spec before any of it is done, and charged against
 * {@link Limits#maxTotalWork()}. Counted: building the landscape (a data set is n×p Gaussian draws,
 * its normal equations n·p² and their solve p³), every step ({@link RunSimulator#stepCost}: the
 * gradient over the data or a minibatch, the optimizer's passes over θ, the curvature schedule's
 * power iterations times a Hessian-vector product, a game's second gradient, roll-back retries),
 * the analysis before and after each run ({@link Analysis#cost}: dense Hessian and d³
 * eigen-decomposition up to {@link Analysis#MAX_DENSE_DIM}, power iteration above) and the recorded
 * rows written as JSON.
 *
 * <p>Why estimate rather than only time out: the deadline stops a job that runs long, but by then it
 * has held a slot and a core for the whole time limit; a spec whose cost is known to be far too
 * large is answered at once with the field that makes it large, so the author can fix it.
 */
public final class WorkCost {
    /** Unit operations of writing one recorded number as JSON text. */
    static final double PER_RECORDED_NUMBER = 40;

    /** One contribution to the cost and the spec field that controls it. */
    public record Part(String field, double ops) {
    }

    private final List<Part> parts;
    private final double total;

    private WorkCost(List<Part> parts) {
        this.parts = List.copyOf(parts);
        double t = 0;
        for (Part p : parts) {
            t += p.ops();
        }
        this.total = t;
    }

    public double total() {
        return total;
    }

    public List<Part> parts() {
        return parts;
    }

    /** The part with the most work (the field an over-the-cap answer names). */
    public Part largest() {
        Part best = parts.get(0);
        for (Part p : parts) {
            if (p.ops() > best.ops()) {
                best = p;
            }
        }
        return best;
    }

    /** The cost of simulating (or analysing) a compiled experiment with recording. */
    public static WorkCost of(CompiledExperiment c) {
        return of(c, true);
    }

    /**
     * The cost of a compiled experiment; {@code recorded} false for sweeps (no rows, no analysis
     * per point: only the landscape and the steps).
     */
    @SuppressWarnings("unchecked")
    public static WorkCost of(CompiledExperiment c, boolean recorded) {
        Landscape l = c.landscape();
        Object landscapeSpec = c.canonicalSpec().get("landscape");
        String sizeField = sizeField(landscapeSpec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                "landscape");
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(sizeField, l.buildCost()));
        double analysis = Analysis.cost(l);
        for (RunConfig cfg : c.runs()) {
            String run = "runs[" + cfg.index() + "]";
            double step = RunSimulator.stepCost(l, cfg);
            double steps = cfg.steps();
            parts.add(new Part(stepField(l, cfg, run, step), steps * step + l.gradientCost()));
            if (recorded) {
                parts.add(new Part(sizeField, 2 * analysis));
                double rows = Math.ceil(steps / Math.max(1, cfg.recordEvery())) + 1;
                double perRow = Math.min(l.dim(), Recorder.MAX_RECORDED_DIM) + 8;
                parts.add(new Part(run + ".record.every", rows * perRow * PER_RECORDED_NUMBER));
            }
        }
        return new WorkCost(parts);
    }

    /** The cost of several experiments together (comparison panels), fields prefixed per panel. */
    public static WorkCost sum(List<WorkCost> costs, String prefixFormat) {
        List<Part> all = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            for (Part p : costs.get(i).parts()) {
                all.add(new Part(String.format(prefixFormat, i) + "." + p.field(), p.ops()));
            }
        }
        return new WorkCost(all);
    }

    /** This cost repeated {@code times} (sweep grid points). */
    public WorkCost times(double times) {
        return new WorkCost(parts.stream().map(p -> new Part(p.field(), p.ops() * times)).toList());
    }

    /**
     * {@link SpecException} naming the field behind most of the work when the total is over
     * {@code limits.maxTotalWork()}; {@code what} says what is charged ("this spec").
     */
    public void check(Limits limits, String what) {
        if (total > limits.maxTotalWork()) {
            Part big = largest();
            throw new SpecException(big.field(), what + " needs about " + sci(total)
                    + " unit operations of work (one is about a multiply-add), more than this server's limit of "
                    + sci(limits.maxTotalWork()) + " per request (lrlab.limits.max-total-work); most of it ("
                    + sci(big.ops()) + ") comes from this field");
        }
    }

    /** Caps on single fields that multiply the work of every step. */
    static void checkRun(RunConfig cfg, String runPath, Limits limits) {
        if (cfg.schedule() instanceof CurvatureSchedule cs && cs.powerIterations() > limits.maxPowerIterations()) {
            throw new SpecException(runPath + ".schedule.powerIterations", "at most " + limits.maxPowerIterations()
                    + " power iterations per step (server limit): each one is a Hessian-vector product");
        }
    }

    private static String stepField(Landscape l, RunConfig cfg, String run, double step) {
        if (cfg.schedule() instanceof CurvatureSchedule cs
                && cs.powerIterations() * l.hessianVectorCost() * 2 > step) {
            return run + ".schedule.powerIterations";
        }
        if (cfg.noise() instanceof RunConfig.Minibatch mb && l.minibatchCost(mb.batchSize()) * 2 > step) {
            return run + ".noise.batchSize";
        }
        if (cfg.rollback() != null && cfg.rollback().maxRetries() * l.gradientCost() * 2 > step) {
            return run + ".rollback.maxRetries";
        }
        return run + ".steps";
    }

    /** The field that sets a landscape's size (what to shrink when building or analysing it costs too much). */
    @SuppressWarnings("unchecked")
    static String sizeField(Map<String, Object> landscape, String path) {
        Object type = landscape.get("type");
        if ("nonStationary".equals(type) && landscape.get("base") instanceof Map<?, ?> base) {
            return sizeField((Map<String, Object>) base, path + ".base");
        }
        if ("linearRegression".equals(type)) {
            long n = landscape.get("n") instanceof Number num ? num.longValue() : 0;
            long p = landscape.get("features") instanceof Number num ? num.longValue() : 0;
            return path + (p > LinearRegression.DENSE_MAX_FEATURES || p >= n ? ".features" : ".n");
        }
        if ("rastrigin".equals(type)) {
            return path + ".dim";
        }
        if ("quadratic".equals(type)) {
            return path + (landscape.containsKey("matrix") ? ".matrix" : ".eigenvalues");
        }
        return path + ".type";
    }

    public static String sci(double d) {
        if (d < 1e6) {
            return Long.toString(Math.round(d));
        }
        int exp = (int) Math.floor(Math.log10(d));
        double mant = d / Math.pow(10, exp);
        return String.format(java.util.Locale.ROOT, "%.1f·10^%d", mant, exp);
    }
}
