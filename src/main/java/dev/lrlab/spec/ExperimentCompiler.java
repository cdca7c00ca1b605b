package dev.lrlab.spec;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.optim.Optimizer;
import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.core.schedule.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Turns an experiment spec (JSON parsed into maps, lists, numbers, booleans, strings) into a
 * {@link CompiledExperiment}, validating every field; errors are {@link SpecException}s with the
 * exact JSON path. Caps ({@link Limits}) are checked before any simulation work.
 */
public final class ExperimentCompiler {
    public static final List<String> TOP_FIELDS = List.of("version", "landscape", "runs");
    /** A run's colour: #rgb, #rgba, #rrggbb, #rrggbbaa or a CSS colour name. */
    private static final Pattern COLOR = Pattern.compile(
            "#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{1,30}");
    public static final List<String> RUN_FIELDS = List.of("label", "color", "start", "steps", "seed", "optimizer",
            "schedule", "clipNorm", "noise", "rollback", "resetMomentumOnRestart", "record", "game");
    public static final List<String> NOISE_TYPES = RunDefaults.NOISE_TYPES;
    public static final List<String> GAME_METHODS = RunDefaults.GAME_METHODS;

    private final Limits limits;

    /**
     * Landscapes recently built, keyed by their canonical spec. Landscapes are immutable and fully
     * determined by that spec, and the same landscape is compiled over and over with only run
     * fields changed: rebuilding a data landscape each time would regenerate its whole data set.
     * Keyed (not one slot), so two users on different data landscapes do not evict each other.
     */
    private final LandscapeCache landscapes = new LandscapeCache(LANDSCAPE_CACHE_SIZE);
    static final int LANDSCAPE_CACHE_SIZE = 16;
    /** Compiles done by this compiler: a test asserts one per edit and one per opened link. */
    private final java.util.concurrent.atomic.LongAdder compiles = new java.util.concurrent.atomic.LongAdder();

    public ExperimentCompiler() {
        this(Limits.DEFAULT);
    }

    public ExperimentCompiler(Limits limits) {
        this.limits = limits;
    }

    public static CompiledExperiment compileDefault(Map<String, ?> spec) {
        return new ExperimentCompiler().compile(spec);
    }

    /** How many times {@link #compile} ran on this compiler. */
    public long compileCount() {
        return compiles.sum();
    }

    public CompiledExperiment compile(Map<String, ?> spec) {
        compiles.increment();
        if (spec == null) {
            throw new SpecException("", "the spec is empty");
        }
        Params root = Params.root(spec);
        root.allowOnly(TOP_FIELDS);
        if (root.has("version")) {
            double v = root.number("version", 1);
            if (v != 1) {
                throw new SpecException("version", "unsupported version " + fmt(v) + " (this server understands version 1)", List.of("1"));
            }
        }
        List<Params> runs = root.objects("runs");
        if (runs.isEmpty()) {
            throw new SpecException("runs", "needs at least one run");
        }
        if (runs.size() > limits.maxRuns()) {
            throw new SpecException("runs", "at most " + limits.maxRuns() + " runs (server limit)");
        }
        // cheap caps first: unknown fields and step counts of every run
        int[] steps = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Params r = runs.get(i);
            r.allowOnly(RUN_FIELDS);
            steps[i] = r.integer("steps", RunDefaults.STEPS, 0, Integer.MAX_VALUE);
            if (steps[i] > limits.maxStepsPerRun()) {
                throw new SpecException(r.pathOf("steps"), "at most " + limits.maxStepsPerRun()
                        + " steps per run (server limit)");
            }
            Nesting.checkSchedule(r.asMap().get("schedule"), r.pathOf("schedule"), limits.maxNesting());
        }
        Params lp = root.object("landscape");
        if (lp == null) {
            throw new SpecException("landscape", "is required", LandscapeFactory.TYPES);
        }
        Map<String, Object> landscapeCanon = LandscapeFactory.withDefaults(lp, limits); // validates, no data built
        // data landscapes generate their data on first use (inside the bounded job), so this is cheap
        Landscape landscape = landscapeFor(lp, landscapeCanon);
        List<RunConfig> configs = new ArrayList<>();
        List<Map<String, Object>> runCanon = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            RunConfig cfg = compileRun(runs.get(i), i, steps[i], landscape, c);
            WorkCost.checkRun(cfg, "runs[" + i + "]", limits);
            configs.add(cfg);
            runCanon.add(c);
        }
        Map<String, Object> canon = new LinkedHashMap<>();
        canon.put("version", 1);
        canon.put("landscape", landscapeCanon);
        canon.put("runs", runCanon);
        CompiledExperiment compiled = new CompiledExperiment(landscape, configs, canon);
        // the whole request's work, estimated before any of it is done (WorkCost)
        WorkCost.of(compiled).check(limits, "this spec");
        return compiled;
    }

    /** The landscape of a landscape spec alone (validated, path "landscape"), through the same reuse. */
    public Landscape landscape(Map<String, ?> landscapeSpec) {
        Params lp = new Params(landscapeSpec, "landscape");
        return landscapeFor(lp, LandscapeFactory.withDefaults(lp, limits));
    }

    private Landscape landscapeFor(Params lp, Map<String, Object> canonical) {
        return landscapes.get(canonical, () -> LandscapeFactory.create(lp, limits));
    }

    /** The canonical spec (every default filled in) without keeping the compiled experiment. */
    public Map<String, Object> canonical(Map<String, ?> spec) {
        return compile(spec).canonicalSpec();
    }

    private RunConfig compileRun(Params r, int index, int steps, Landscape landscape, Map<String, Object> c) {
        int dim = landscape.dim();
        boolean game = landscape.isGame();
        String label = r.string("label", RunDefaults.label(index));
        String color = r.string("color", null);
        if (color != null && !COLOR.matcher(color).matches()) {
            // a colour reaches style attributes, SVG and canvas: only a colour, never markup or CSS
            throw new SpecException(r.pathOf("color"), "must be a colour like #1e88e5 (3, 4, 6 or 8 hex digits) "
                    + "or a CSS colour name like teal");
        }
        double[] start = r.numbers("start");
        if (start == null) {
            start = landscape.defaultStart();
        } else {
            if (start.length != dim) {
                throw new SpecException(r.pathOf("start"), "needs " + dim + " numbers (the landscape's dimension), has "
                        + start.length);
            }
            for (int k = 0; k < start.length; k++) {
                if (Math.abs(start[k]) > 1e6) {
                    throw new SpecException(r.pathOf("start") + "[" + k + "]", "must be between -1000000 and 1000000");
                }
            }
        }
        int seed = r.integer("seed", RunDefaults.SEED, 0, Integer.MAX_VALUE);

        Params op = r.object("optimizer");
        if (op == null) {
            throw new SpecException(r.pathOf("optimizer"), "is required", OptimizerFactory.TYPES);
        }
        int optDim = game ? landscape.gameSplit() : dim;
        OptimizerFactory.create(op, optDim); // validates
        Map<String, Object> optCanon = OptimizerFactory.withDefaults(op);
        double baseLr = OptimizerFactory.lr(op);
        IntFunction<Optimizer> optFactory = d -> OptimizerFactory.create(op, d);

        Params sp = r.object("schedule");
        Schedule schedule = ScheduleFactory.create(sp, op, steps);
        Map<String, Object> schedCanon = ScheduleFactory.withDefaults(sp, op, steps);
        if (schedule instanceof CurvatureSchedule && game) {
            throw new SpecException(sp.pathOf("type"), "the curvature schedule is not available for games",
                    ScheduleFactory.TYPES.stream().filter(t -> !t.equals("curvature")).toList());
        }

        Double clip = null;
        if (r.has("clipNorm")) {
            if (game) {
                throw new SpecException(r.pathOf("clipNorm"), "clipping is not available for games");
            }
            clip = r.number("clipNorm", 1, 1e-12, 1e12);
        }

        RunConfig.Noise noise = null;
        Map<String, Object> noiseCanon = null;
        Params np = r.object("noise");
        if (np != null) {
            if (game) {
                throw new SpecException(r.pathOf("noise"), "noise is not available for games");
            }
            noiseCanon = new LinkedHashMap<>();
            String type = np.choice("type", null, NOISE_TYPES);
            noiseCanon.put("type", type);
            switch (type) {
                case "gaussian" -> {
                    np.allowOnly("type", "sigma", "batchSize");
                    double sigma = np.number("sigma", RunDefaults.GAUSSIAN_SIGMA, 0, 1e6);
                    int b = np.integer("batchSize", RunDefaults.BATCH_SIZE, 1, 1_000_000_000);
                    noiseCanon.put("sigma", sigma);
                    noiseCanon.put("batchSize", b);
                    noise = new RunConfig.Gaussian(sigma, b);
                }
                case "minibatch" -> {
                    np.allowOnly("type", "batchSize");
                    if (landscape.dataSize() == 0) {
                        throw new SpecException(np.pathOf("type"), "minibatch noise needs a data landscape "
                                + "(linearRegression)", List.of("gaussian", "thermostat"));
                    }
                    int b = np.integer("batchSize", RunDefaults.BATCH_SIZE, 1, landscape.dataSize());
                    noiseCanon.put("batchSize", b);
                    noise = new RunConfig.Minibatch(b);
                }
                case "thermostat" -> {
                    np.allowOnly("type", "targetK");
                    double k = np.number("targetK", RunDefaults.THERMOSTAT_TARGET_K, 1e-300, 1e6);
                    noiseCanon.put("targetK", k);
                    noise = new RunConfig.Thermostat(k);
                }
                default -> throw new IllegalStateException(type);
            }
        }

        RunConfig.Rollback rollback = null;
        Map<String, Object> rollbackCanon = null;
        Params rp = r.object("rollback");
        if (rp != null) {
            if (game) {
                throw new SpecException(r.pathOf("rollback"), "roll-back is not available for games");
            }
            rp.allowOnly("ratio", "factor", "maxRetries");
            double ratio = rp.number("ratio", RunDefaults.ROLLBACK_RATIO, 1, 1e6);
            double factor = rp.number("factor", RunDefaults.ROLLBACK_FACTOR, 1e-6, 0.999999);
            int maxRetries = rp.integer("maxRetries", RunDefaults.ROLLBACK_MAX_RETRIES, 0, 50);
            rollbackCanon = new LinkedHashMap<>();
            rollbackCanon.put("ratio", ratio);
            rollbackCanon.put("factor", factor);
            rollbackCanon.put("maxRetries", maxRetries);
            rollback = new RunConfig.Rollback(ratio, factor, maxRetries);
        }

        boolean reset = r.bool("resetMomentumOnRestart", RunDefaults.RESET_MOMENTUM_ON_RESTART);
        int every = RunDefaults.RECORD_EVERY;
        Params rec = r.object("record");
        if (rec != null) {
            rec.allowOnly("every");
            every = rec.integer("every", RunDefaults.RECORD_EVERY, 1, Math.max(1, limits.maxStepsPerRun()));
        }

        RunConfig.GameMethod method = null;
        IntFunction<Optimizer> yFactory = null;
        Schedule ySchedule = null;
        double yLr = baseLr;
        Map<String, Object> gameCanon = null;
        Params gp = r.object("game");
        if (gp != null && !game) {
            throw new SpecException(r.pathOf("game"), "only for game landscapes", LandscapeFactory.GAME_TYPES);
        }
        if (game) {
            Params g = gp == null ? new Params(Map.of(), r.pathOf("game")) : gp;
            g.allowOnly("method", "yOptimizer");
            String m = g.choice("method", RunDefaults.GAME_METHOD, GAME_METHODS);
            method = RunConfig.GameMethod.valueOf(m.toUpperCase(java.util.Locale.ROOT));
            Params yo = g.object("yOptimizer");
            Params yOpt = yo == null ? op : yo;
            OptimizerFactory.create(yOpt, dim - landscape.gameSplit());
            yFactory = d -> OptimizerFactory.create(yOpt, d);
            ySchedule = ScheduleFactory.create(sp, yOpt, steps);
            yLr = OptimizerFactory.lr(yOpt);
            gameCanon = new LinkedHashMap<>();
            gameCanon.put("method", m);
            gameCanon.put("yOptimizer", OptimizerFactory.withDefaults(yOpt));
        }

        c.put("label", label);
        c.put("color", color);
        c.put("start", Arrays.stream(start).boxed().toList());
        c.put("steps", steps);
        c.put("seed", seed);
        c.put("optimizer", optCanon);
        c.put("schedule", schedCanon);
        c.put("clipNorm", clip);
        c.put("noise", noiseCanon);
        c.put("rollback", rollbackCanon);
        c.put("resetMomentumOnRestart", reset);
        c.put("record", new LinkedHashMap<>(Map.of("every", every)));
        if (game) {
            c.put("game", gameCanon);
        }

        Double beta = momentumOf(optCanon);
        return new RunConfig(index, label, color, start, steps, seed, optFactory, schedule, baseLr, beta, clip, noise,
                rollback, reset, every, method, yFactory, ySchedule, yLr);
    }

    /**
     * β for the effective lr η/(1−β) (S6): the "momentum" of SGD and RMSprop, whose velocity sums
     * gradients; null otherwise. Adam's β1 does not count: its bias-corrected m̂ is an average, so
     * the step does not grow by 1/(1−β1).
     */
    static Double momentumOf(Map<String, Object> optimizer) {
        return optimizer.get("momentum") instanceof Number num ? num.doubleValue() : null;
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
