package dev.lrlab.spec;

import dev.lrlab.core.schedule.ConstantFactorSchedule;
import dev.lrlab.core.schedule.ConstantSchedule;
import dev.lrlab.core.schedule.CosineSchedule;
import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.core.schedule.CyclicSchedule;
import dev.lrlab.core.schedule.ExpDecaySchedule;
import dev.lrlab.core.schedule.ExponentialSchedule;
import dev.lrlab.core.schedule.InverseTimeSchedule;
import dev.lrlab.core.schedule.LinearSchedule;
import dev.lrlab.core.schedule.MultiStepSchedule;
import dev.lrlab.core.schedule.OneCycleSchedule;
import dev.lrlab.core.schedule.PolynomialSchedule;
import dev.lrlab.core.schedule.Schedule;
import dev.lrlab.core.schedule.ScaledSchedule;
import dev.lrlab.core.schedule.SequentialSchedule;
import dev.lrlab.core.schedule.StepSchedule;
import dev.lrlab.core.schedule.WarmRestartsSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds lr schedules from their JSON object ({@code {"type": "cosine", "tMax": 100}}), following
 * torch.optim.lr_scheduler (PyTorch 2.x). η0 is the optimizer's lr. {@code cyclic} and
 * {@code oneCycle} ignore η0 (they set the lr) and, with cycleMomentum, set SGD/RMSprop momentum or
 * Adam-family beta1; adagrad and adadelta have neither, so cycleMomentum must be false for them.
 * {@code curvature} is only allowed as the top-level schedule (the engine evaluates it).
 */
public final class ScheduleFactory {

    public static final List<String> TYPES = List.of("constant", "step", "multiStep", "exponential", "inverseTime",
            "cosine", "cosineWarmRestarts", "cyclic", "oneCycle", "linear", "constantFactor", "polynomial",
            "sequential", "scaled", "curvature");

    static final List<String> CYCLIC_MODES = List.of("triangular", "triangular2", "exp_range");
    static final List<String> ANNEAL = List.of("cos", "linear");
    private static final double INF = Double.MAX_VALUE;
    private static final int IMAX = Integer.MAX_VALUE;

    private ScheduleFactory() {
    }

    /** p may be null (= constant). optimizer = the run's optimizer object (for cycleMomentum validation and defaults); totalSteps = run steps. */
    public static Schedule create(Params p, Params optimizer, int totalSteps) {
        return build(p, optimizer, totalSteps, new LinkedHashMap<>(), true);
    }

    public static Map<String, Object> withDefaults(Params p, Params optimizer, int totalSteps) {
        Map<String, Object> out = new LinkedHashMap<>();
        build(p, optimizer, totalSteps, out, true);
        return out;
    }

    private static Schedule build(Params p, Params optimizer, int totalSteps, Map<String, Object> c, boolean top) {
        double base = optimizer == null ? 1e-3 : OptimizerFactory.lr(optimizer);
        String optType = optimizer == null ? "sgd" : OptimizerFactory.type(optimizer);
        if (p == null) {
            c.put("type", "constant");
            return new ConstantSchedule(base);
        }
        String type = p.choice("type", null, TYPES);
        List<String> names = new ArrayList<>();
        fields(type, new Params(Map.of(), p.path()), optimizer, totalSteps, new LinkedHashMap<>(), names, base, optType, false);
        p.allowOnly(names);
        if (type.equals("curvature") && !top) {
            throw new SpecException(p.pathOf("type"),
                    "a curvature schedule can only be the run's own schedule, not nested in sequential or scaled");
        }
        return fields(type, p, optimizer, totalSteps, c, new ArrayList<>(), base, optType, true);
    }

    /**
     * Reads (real=true) or only lists (real=false, p empty) the fields of one schedule type.
     * Required fields are only enforced when real.
     */
    private static Schedule fields(String type, Params p, Params optimizer, int totalSteps, Map<String, Object> c,
                                   List<String> allowed, double base, String optType, boolean real) {
        c.put("type", type);
        allowed.add("type");
        F f = new F(p, c, allowed, real);
        switch (type) {
            case "constant":
                return new ConstantSchedule(base);
            case "step": {
                int stepSize = f.integer("stepSize", null, 1, IMAX);
                double gamma = f.num("gamma", 0.1, 0, INF);
                return new StepSchedule(base, stepSize, gamma);
            }
            case "multiStep": {
                allowed.add("milestones");
                double[] ms = p.numbers("milestones");
                int[] milestones = new int[0];
                if (real) {
                    if (ms == null) {
                        throw new SpecException(p.pathOf("milestones"), "is required (a list of step numbers)");
                    }
                    milestones = wholeNumbers(p, "milestones", ms, 0, false);
                    c.put("milestones", toList(milestones));
                }
                double gamma = f.num("gamma", 0.1, 0, INF);
                return new MultiStepSchedule(base, milestones, gamma);
            }
            case "exponential": {
                allowed.add("gamma");
                allowed.add("k");
                if (!real) {
                    return null;
                }
                if (p.has("gamma") && p.has("k")) {
                    throw new SpecException(p.pathOf("k"), "give either gamma (lr·gamma^t) or k (lr·e^(−kt)), not both");
                }
                if (p.has("k")) {
                    double k = f.num("k", null, 0, INF);
                    return new ExpDecaySchedule(base, k);
                }
                if (!p.has("gamma")) {
                    throw new SpecException(p.pathOf("gamma"), "is required (or give k for lr·e^(−kt))");
                }
                double gamma = f.num("gamma", null, 0, INF);
                return new ExponentialSchedule(base, gamma);
            }
            case "inverseTime": {
                double k = f.num("k", null, 0, INF);
                return new InverseTimeSchedule(base, k);
            }
            case "cosine": {
                int tMax = f.integer("tMax", null, 1, IMAX);
                double etaMin = f.num("etaMin", 0.0, 0, INF);
                return new CosineSchedule(base, tMax, etaMin);
            }
            case "cosineWarmRestarts": {
                int t0 = f.integer("t0", null, 1, IMAX);
                int tMult = f.integer("tMult", 1, 1, IMAX);
                double etaMin = f.num("etaMin", 0.0, 0, INF);
                return new WarmRestartsSchedule(base, t0, tMult, etaMin);
            }
            case "cyclic": {
                double baseLr = f.num("baseLr", null, 0, INF);
                double maxLr = f.num("maxLr", null, 0, INF);
                int up = f.integer("stepSizeUp", 2000, 1, IMAX);
                allowed.add("stepSizeDown");
                int down = up;
                if (real) {
                    down = p.has("stepSizeDown") ? p.integer("stepSizeDown", up, 1, IMAX) : up;
                    c.put("stepSizeDown", down);
                }
                String mode = f.choice("mode", "triangular", CYCLIC_MODES);
                double gamma = f.num("gamma", 1.0, 0, INF);
                if (real && gamma == 0 && mode.equals("exp_range")) {
                    throw new SpecException(p.pathOf("gamma"), "must be greater than 0 in exp_range mode");
                }
                boolean cycleMomentum = f.bool("cycleMomentum", true);
                double baseMomentum = f.num("baseMomentum", 0.8, 0, 0.999999999999);
                double maxMomentum = f.num("maxMomentum", 0.9, 0, 0.999999999999);
                if (real) {
                    checkCycleMomentum(p, cycleMomentum, optType);
                }
                return new CyclicSchedule(baseLr, maxLr, up, down, mode, gamma, cycleMomentum, baseMomentum, maxMomentum);
            }
            case "oneCycle": {
                double maxLr = f.num("maxLr", null, 0, INF);
                int total = f.integer("totalSteps", real ? totalSteps : 1, 1, IMAX);
                double pctStart = f.num("pctStart", 0.3, 0, 1);
                String anneal = f.choice("annealStrategy", "cos", ANNEAL);
                double divFactor = f.num("divFactor", 25.0, Double.MIN_VALUE, INF);
                double finalDivFactor = f.num("finalDivFactor", 1e4, Double.MIN_VALUE, INF);
                boolean threePhase = f.bool("threePhase", false);
                boolean cycleMomentum = f.bool("cycleMomentum", true);
                double baseMomentum = f.num("baseMomentum", 0.85, 0, 0.999999999999);
                double maxMomentum = f.num("maxMomentum", 0.95, 0, 0.999999999999);
                if (real) {
                    if (total < totalSteps) {
                        throw new SpecException(p.pathOf("totalSteps"), "must be at least the run's steps ("
                                + totalSteps + "); OneCycleLR cannot step past totalSteps");
                    }
                    double end1 = pctStart * total - 1;
                    double end2 = threePhase ? 2 * pctStart * total - 2 : total - 1;
                    if (!(end1 > 0) || !(end2 > end1) || (threePhase && !(total - 1 > end2))) {
                        throw new SpecException(p.pathOf("pctStart"),
                                "every phase needs at least one step: pctStart·totalSteps must be > 1"
                                        + (threePhase ? " and 2·pctStart·totalSteps < totalSteps + 1" : " and < totalSteps"));
                    }
                    checkCycleMomentum(p, cycleMomentum, optType);
                }
                return new OneCycleSchedule(maxLr, total, pctStart, anneal.equals("cos"), divFactor, finalDivFactor,
                        threePhase, cycleMomentum, baseMomentum, maxMomentum);
            }
            case "linear": {
                double sf = f.num("startFactor", 1.0 / 3, Double.MIN_VALUE, 1);
                double ef = f.num("endFactor", 1.0, 0, 1);
                int totalIters = f.integer("totalIters", 5, 1, IMAX);
                return new LinearSchedule(base, sf, ef, totalIters);
            }
            case "constantFactor": {
                double factor = f.num("factor", 1.0 / 3, 0, 1);
                int totalIters = f.integer("totalIters", 5, 0, IMAX);
                return new ConstantFactorSchedule(base, factor, totalIters);
            }
            case "polynomial": {
                int totalIters = f.integer("totalIters", 5, 1, IMAX);
                double power = f.num("power", 1.0, 0, INF);
                return new PolynomialSchedule(base, totalIters, power);
            }
            case "sequential": {
                allowed.add("schedules");
                allowed.add("milestones");
                if (!real) {
                    return null;
                }
                List<Params> children = p.objects("schedules");
                if (children.isEmpty()) {
                    throw new SpecException(p.pathOf("schedules"), "is required (a non-empty list of schedules)");
                }
                double[] ms = p.numbers("milestones");
                if (ms == null) {
                    ms = new double[0];
                }
                if (ms.length != children.size() - 1) {
                    throw new SpecException(p.pathOf("milestones"), "needs one milestone fewer than schedules ("
                            + (children.size() - 1) + "), got " + ms.length);
                }
                int[] milestones = wholeNumbers(p, "milestones", ms, 1, true);
                List<Schedule> built = new ArrayList<>();
                List<Object> childMaps = new ArrayList<>();
                for (Params child : children) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    built.add(build(child, optimizer, totalSteps, cm, false));
                    childMaps.add(cm);
                }
                c.put("schedules", childMaps);
                c.put("milestones", toList(milestones));
                return new SequentialSchedule(built, milestones);
            }
            case "scaled": {
                allowed.add("schedule");
                allowed.add("envelope");
                if (!real) {
                    return null;
                }
                Schedule inner = nested(p, "schedule", optimizer, totalSteps, c);
                Schedule envelope = nested(p, "envelope", optimizer, totalSteps, c);
                if (base == 0) {
                    throw new SpecException(p.pathOf("envelope"), "needs an optimizer lr > 0 (the envelope is divided by it)");
                }
                return new ScaledSchedule(inner, envelope, base);
            }
            case "curvature": {
                double safety = f.num("safety", 0.9, Double.MIN_VALUE, 1);
                int iters = f.integer("powerIterations", 20, 1, 10_000);
                return new CurvatureSchedule(safety, iters);
            }
            default:
                throw new AssertionError(type);
        }
    }

    private static Schedule nested(Params p, String key, Params optimizer, int totalSteps, Map<String, Object> c) {
        Params child = p.object(key);
        if (child == null) {
            throw new SpecException(p.pathOf(key), "is required (a schedule object)");
        }
        Map<String, Object> cm = new LinkedHashMap<>();
        Schedule s = build(child, optimizer, totalSteps, cm, false);
        c.put(key, cm);
        return s;
    }

    private static void checkCycleMomentum(Params p, boolean cycleMomentum, String optType) {
        if (cycleMomentum && !OptimizerFactory.MOMENTUM_TYPES.contains(optType)
                && !OptimizerFactory.BETA1_TYPES.contains(optType)) {
            throw new SpecException(p.pathOf("cycleMomentum"), "optimizer '" + optType
                    + "' has neither momentum nor beta1 to cycle (PyTorch raises here); set cycleMomentum to false");
        }
    }

    private static int[] wholeNumbers(Params p, String key, double[] ms, int min, boolean increasing) {
        int[] out = new int[ms.length];
        for (int i = 0; i < ms.length; i++) {
            double m = ms[i];
            if (m != Math.rint(m) || m < min || m > IMAX) {
                throw new SpecException(p.pathOf(key) + "[" + i + "]", "must be a whole number ≥ " + min);
            }
            out[i] = (int) m;
            if (increasing && i > 0 && out[i] <= out[i - 1]) {
                throw new SpecException(p.pathOf(key) + "[" + i + "]", "milestones must increase");
            }
        }
        return out;
    }

    private static List<Object> toList(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    /** Reads typed fields into the resolved map while recording the allowed names. */
    private record F(Params p, Map<String, Object> c, List<String> allowed, boolean real) {
        double num(String key, Double def, double min, double max) {
            allowed.add(key);
            if (!real) {
                return def == null ? 1 : def;
            }
            double v = def == null ? p.number(key) : p.number(key, def);
            if (v < min || v > max) {
                String range = max == INF ? "must be ≥ " + OptimizerFactory.fmt(min)
                        : "must be between " + OptimizerFactory.fmt(min) + " and " + OptimizerFactory.fmt(max);
                if (min == Double.MIN_VALUE) {
                    range = max == INF ? "must be > 0" : "must be > 0 and ≤ " + OptimizerFactory.fmt(max);
                }
                throw new SpecException(p.pathOf(key), range + ", was " + v);
            }
            c.put(key, v);
            return v;
        }

        int integer(String key, Integer def, int min, int max) {
            allowed.add(key);
            if (!real) {
                return def == null ? 1 : Math.max(def, 1);
            }
            if (def == null && !p.has(key)) {
                throw new SpecException(p.pathOf(key), "is required");
            }
            int v = p.integer(key, def == null ? 0 : def, min, max);
            c.put(key, v);
            return v;
        }

        boolean bool(String key, boolean def) {
            allowed.add(key);
            boolean v = p.bool(key, def);
            c.put(key, v);
            return v;
        }

        String choice(String key, String def, List<String> options) {
            allowed.add(key);
            String v = p.choice(key, def, options);
            c.put(key, v);
            return v;
        }
    }
}
