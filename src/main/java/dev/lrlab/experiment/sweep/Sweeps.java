package dev.lrlab.experiment.sweep;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.Regime;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentSpec;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.spec.Params;
import dev.lrlab.spec.SpecException;
import dev.lrlab.spec.WorkCost;
import dev.lrlab.core.work.WorkGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sweeps: the same experiment at every point of a grid over one or two spec fields, each point
 * reduced to its outcome (status, divergence step, final and best loss; no trajectory is kept).
 * Every point is compiled (the compiler judges every value, as for any spec) and its swept runs are
 * simulated without recording. The grid is computed in chunks on the server's bounded pool, on as
 * many workers as there are cores (more would only slow the other requests), stops at the
 * server's time limit ({@link TimeLimitException}) and can be cancelled ({@link SweepJob#cancel()}).
 */
public final class Sweeps {
    /** Default cap on grid points ({@code lrlab.limits.max-sweep-points}). */
    public static final int DEFAULT_MAX_POINTS = 10_000;

    private final ExperimentService service;
    private final int maxPoints;
    private final int workers;

    public Sweeps(ExperimentService service, int maxPoints) {
        this(service, maxPoints, Runtime.getRuntime().availableProcessors());
    }

    public Sweeps(ExperimentService service, int maxPoints, int workers) {
        this.service = service;
        this.maxPoints = maxPoints;
        this.workers = Math.max(1, workers);
    }

    public int maxPoints() {
        return maxPoints;
    }

    /**
     * Validates a request body {@code {"spec": <experiment>, "parameters": [...]}}: errors name the
     * field ({@code parameters[0].logRange.count}, {@code parameters[1].path}; errors inside the spec
     * or of a swept value name the spec's field, {@code spec.runs[0].optimizer.lr}).
     */
    public SweepSpec parse(Map<String, ?> body) {
        Params root = Params.root(body);
        root.allowOnly("spec", "parameters");
        Params spec = root.object("spec");
        if (spec == null) {
            throw new SpecException("spec", "is required: the base experiment");
        }
        return prepare(spec.asMap(), SweepParameter.parseAll(root, maxPoints));
    }

    /** Validates a sweep: paths, every value (set into the base spec and compiled), caps. */
    public SweepSpec prepare(Map<String, ?> baseSpec, List<SweepParameter> parameters) {
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new SpecException("parameters", "needs one or two parameters, has " + parameters.size());
        }
        Map<String, Object> base = SpecPath.deepCopyMap(baseSpec);
        Compiled compiled = inSpec(() -> service.compile(base), "");
        long points = 1;
        for (SweepParameter p : parameters) {
            points *= p.values().size();
        }
        if (points > maxPoints) {
            throw new SpecException("parameters", "at most " + maxPoints + " grid points (server limit); this sweep has "
                    + points);
        }
        TreeSet<Integer> runs = new TreeSet<>();
        List<SpecPath> paths = new ArrayList<>();
        for (int k = 0; k < parameters.size(); k++) {
            SpecPath path = SpecPath.parse(parameters.get(k).path(), "parameters[" + k + "].path");
            path.checkIn(compiled.canonical(), "parameters[" + k + "].path");
            paths.add(path);
            if (path.runIndex() >= 0) {
                runs.add(path.runIndex());
            }
        }
        if (runs.isEmpty()) { // only landscape fields are swept: every run takes part
            for (int r = 0; r < compiled.engine().runs().size(); r++) {
                runs.add(r);
            }
        }
        // every value alone, in the full spec, so its error names the user's own field; the largest
        // steps and dimension seen bound the work of the grid before any of it is done
        // the cost model (WorkCost, no recording) of the swept runs: the base point's cost times, per
        // parameter, the largest factor one of its values multiplies it by (values combine)
        double baseCost = Math.max(1, sweptCost(compiled, runs));
        double factor = 1;
        for (int k = 0; k < parameters.size(); k++) {
            List<Object> values = parameters.get(k).values();
            double worst = 1;
            for (int i = 0; i < values.size(); i++) {
                Map<String, Object> raw = SpecPath.deepCopyMap(base);
                paths.get(k).set(raw, compiled.canonical(), values.get(i));
                Compiled c = inSpec(() -> service.compile(raw), "parameters[" + k + "].values[" + i + "] = "
                        + values.get(i) + ": ");
                worst = Math.max(worst, sweptCost(c, runs) / baseCost);
            }
            factor *= worst;
        }
        double work = points * baseCost * factor
                + runs.size() * dev.lrlab.core.engine.Analysis.cost(compiled.landscape());
        double cap = service.limits().maxTotalWork();
        if (work > cap) {
            throw new SpecException("parameters", "this sweep needs up to about " + WorkCost.sci(work)
                    + " unit operations of work (grid points × steps × dimensions, weighted by each step's cost), "
                    + "more than this server's limit of " + WorkCost.sci(cap) + " per request "
                    + "(lrlab.limits.max-total-work)");
        }
        return new SweepSpec(base, compiled, parameters, List.copyOf(runs));
    }

    /** The work of one grid point: the landscape and the steps of the swept runs (no recording). */
    private static double sweptCost(Compiled c, java.util.Collection<Integer> runs) {
        double cost = c.landscape().buildCost();
        for (RunConfig cfg : c.engine().runs()) {
            if (runs.contains(cfg.index())) {
                cost += cfg.steps() * RunSimulator.stepCost(c.landscape(), cfg);
            }
        }
        return cost;
    }

    /** Runs a sweep on the calling thread's behalf and waits for it (the REST API). */
    public SweepResult run(SweepSpec spec) {
        return start(spec).await();
    }

    /**
     * Starts a sweep on the bounded pool and returns at once ({@code BusyException} when no slot
     * is free). The job reports progress and completes with the result.
     */
    public SweepJob start(SweepSpec spec) {
        int n = spec.points();
        SweepJob job = new SweepJob(n);
        Grid grid = new Grid(spec);
        long deadline = System.nanoTime() + service.timeoutMs() * 1_000_000L;
        SweepResult.SweepPoint[] out = new SweepResult.SweepPoint[n];
        AtomicInteger next = new AtomicInteger();
        // small chunks keep the workers balanced (diverging points end early), large enough that
        // claiming one costs nothing next to its runs
        int chunk = Math.max(1, Math.min(64, n / (8 * workers)));
        // the runs' analyses (a dense Hessian and its eigenvalues, or power iterations) are work too:
        // the first worker does them inside its slot and under the guard, not the thread that
        // completes the sweep after every slot is free again
        java.util.concurrent.atomic.AtomicReference<List<SweepResult.RunAnalysis>> analyses =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean analysing = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable worker = () -> {
            try {
                if (analysing.compareAndSet(false, true)) {
                    analyses.set(spec.runs().stream().map(r -> analysis(spec.compiled(), r)).toList());
                }
                int from;
                while ((from = next.getAndAdd(chunk)) < n && !job.isDone()) {
                    int to = Math.min(n, from + chunk);
                    for (int i = from; i < to; i++) {
                        out[i] = grid.point(i, job, deadline);
                        job.pointDone();
                    }
                }
            } catch (RuntimeException | Error e) {
                job.result.completeExceptionally(e); // the other workers see isDone() and stop
                throw e;
            }
        };
        // every worker under one guard: the time limit and the sweep's cancel stop expensive steps too
        WorkGuard guard = WorkGuard.forMillis(service.timeoutMs());
        job.onCancel(() -> guard.cancel("the sweep was cancelled"));
        service.boundedWorkers(Math.min(workers, n), worker, guard).whenComplete((v, ex) -> {
            if (ex != null) {
                job.result.completeExceptionally(ex instanceof CompletionException && ex.getCause() != null
                        ? ex.getCause() : ex);
            } else if (job.isCancelled()) {
                job.result.completeExceptionally(new CancellationException("the sweep was cancelled"));
            } else {
                job.result.complete(result(spec, analyses.get(), List.of(out)));
            }
        });
        return job;
    }

    private SweepResult result(SweepSpec spec, List<SweepResult.RunAnalysis> analysis,
                               List<SweepResult.SweepPoint> points) {
        List<SweepResult.Axis> axes = spec.parameters().stream()
                .map(p -> new SweepResult.Axis(p.path(), p.values())).toList();
        return new SweepResult(axes, spec.runs(), analysis, points);
    }

    /** λmax, 2/λmax and the heavy-ball edge of run {@code r} at its start. */
    static SweepResult.RunAnalysis analysis(Compiled c, int r) {
        Analysis.Preview p = ExperimentRunner.preview(c.engine(), r);
        Double lmax = p.hessian().lambdaMax();
        ExperimentSpec.Component opt = c.spec().runs().get(r).optimizer();
        Double beta = c.engine().runs().get(r).momentumBeta();
        Double heavyBall = null;
        if ("sgd".equals(opt.type()) && !Boolean.TRUE.equals(opt.get("nesterov")) && lmax != null && lmax > 0) {
            double b = beta == null ? 0 : beta;
            Double d = opt.number("dampening");
            double damp = d == null ? 0 : d;
            // v ← βv + (1−d)g, θ ← θ − ηv: on eigenvalue λ the roots of z² − (1+β−η(1−d)λ)z + β lie
            // in the unit circle iff 0 ≤ β < 1 and 0 < η(1−d)λ < 2(1+β)
            heavyBall = b < 1 && damp < 1 ? Regime.edge(b, damp, false) / lmax : null;
        }
        return new SweepResult.RunAnalysis(r, lmax, p.hessian().stableLr(), beta, heavyBall);
    }

    /** The per-point work: set the values into the base spec (swept runs only), compile, simulate. */
    private final class Grid {
        private final SweepSpec spec;
        private final Map<String, Object> reducedBase;
        private final Map<String, Object> reducedCanonical;
        private final List<SpecPath> paths = new ArrayList<>();

        Grid(SweepSpec spec) {
            this.spec = spec;
            this.reducedBase = onlyRuns(spec.base(), spec.runs());
            this.reducedCanonical = onlyRuns(spec.compiled().canonical(), spec.runs());
            for (SweepParameter p : spec.parameters()) {
                SpecPath path = p.specPath();
                paths.add(path.runIndex() < 0 ? path : path.withRun(spec.runs().indexOf(path.runIndex())));
            }
        }

        SweepResult.SweepPoint point(int index, SweepJob job, long deadline) {
            List<Object> values = spec.valuesAt(index);
            Map<String, Object> raw = SpecPath.deepCopyMap(reducedBase);
            for (int k = 0; k < paths.size(); k++) {
                paths.get(k).set(raw, reducedCanonical, values.get(k));
            }
            Compiled c;
            try {
                c = service.compile(raw);
            } catch (SpecException e) { // a combination of values no single value showed
                throw new SpecException("spec." + originalRun(e.field()), "at grid point " + values + ": "
                        + e.getMessage(), e.allowed());
            }
            List<SweepResult.RunOutcome> outcomes = new ArrayList<>();
            for (RunConfig cfg : c.engine().runs()) {
                outcomes.add(simulate(c.landscape(), cfg, spec.runs().get(cfg.index()), job, deadline));
            }
            SweepResult.RunOutcome first = outcomes.get(0);
            return new SweepResult.SweepPoint(values, first.status(), first.divergedAtStep(), first.finalLoss(),
                    first.bestLoss(), outcomes.size() > 1 ? List.copyOf(outcomes) : null);
        }

        private String originalRun(String field) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^runs\\[(\\d+)]").matcher(field);
            return m.find() ? "runs[" + spec.runs().get(Integer.parseInt(m.group(1))) + "]" + field.substring(m.end())
                    : field;
        }
    }

    /** One run without recording: only the final and the best loss are kept. */
    SweepResult.RunOutcome simulate(Landscape l, RunConfig cfg, int runIndex, SweepJob job, long deadline) {
        check(job, deadline);
        RunSimulator sim = new RunSimulator(l, cfg, false);
        double best = sim.loss();
        int k = 0;
        while (sim.step()) {
            double f = sim.loss();
            if (f < best) {
                best = f;
            }
            if (++k == sim.checkEvery()) {
                k = 0;
                check(job, deadline);
            }
        }
        // the step that ended the run: its state counts unless the run diverged (θ stayed behind)
        if (sim.loss() < best) {
            best = sim.loss();
        }
        boolean diverged = sim.status() == RunSimulator.Status.DIVERGED;
        return new SweepResult.RunOutcome(runIndex, sim.status().json(), diverged ? sim.divergedAtStep() : null,
                sim.loss(), best);
    }

    private void check(SweepJob job, long deadline) {
        if (job != null && job.isCancelled()) {
            throw new CancellationException("the sweep was cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new TimeLimitException(service.timeoutMs());
        }
        WorkGuard.check(); // the workers' guard: its deadline and the sweep's cancel
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyRuns(Map<String, Object> spec, List<Integer> runs) {
        Map<String, Object> copy = SpecPath.deepCopyMap(spec);
        List<Object> all = (List<Object>) copy.get("runs");
        List<Object> kept = new ArrayList<>();
        for (int r : runs) {
            kept.add(all.get(r));
        }
        copy.put("runs", kept);
        return copy;
    }

    private static <T> T inSpec(java.util.function.Supplier<T> compile, String messagePrefix) {
        try {
            return compile.get();
        } catch (SpecException e) {
            String f = e.field() == null || e.field().isEmpty() ? "spec" : "spec." + e.field();
            throw new SpecException(f, messagePrefix + e.getMessage(), e.allowed());
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
