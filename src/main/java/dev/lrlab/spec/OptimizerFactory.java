package dev.lrlab.spec;

import dev.lrlab.core.optim.Adadelta;
import dev.lrlab.core.optim.Adagrad;
import dev.lrlab.core.optim.Adam;
import dev.lrlab.core.optim.Adamax;
import dev.lrlab.core.optim.AddWeightDecay;
import dev.lrlab.core.optim.Chain;
import dev.lrlab.core.optim.DecoupledWeightDecay;
import dev.lrlab.core.optim.Nadam;
import dev.lrlab.core.optim.Optimizer;
import dev.lrlab.core.optim.Radam;
import dev.lrlab.core.optim.Rmsprop;
import dev.lrlab.core.optim.RoundGradToHalf;
import dev.lrlab.core.optim.Sgd;
import dev.lrlab.core.optim.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds optimizers from their JSON object: {@code {"type": "adam", "lr": 0.001, ...}}. Types,
 * fields and defaults follow torch.optim (PyTorch 2.x) with camelCase names; betas are
 * {@code beta1}/{@code beta2}. Every optimizer also accepts {@code precision} ("float64" |
 * "float16": gradient and moment buffers rounded to binary16 after each update, parameters and ε
 * stay float64). adagrad, rmsprop, adam, adamw, nadam and radam accept {@code epsPlacement}
 * ("outside": √v + ε as PyTorch | "inside": √(v + ε) as in the lessons); sgd and adadelta have no
 * such choice (adadelta's ε is always inside), and adamax rejects it because its ε is added inside
 * the max, u = max(β2·u, |g| + ε).
 */
public final class OptimizerFactory {

    public static final List<String> TYPES =
            List.of("sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam");

    /** Types whose momentum a cycling schedule can set (SGD/RMSprop momentum). */
    public static final List<String> MOMENTUM_TYPES = List.of("sgd", "rmsprop");
    /** Types whose beta1 a cycling schedule can set. */
    public static final List<String> BETA1_TYPES = List.of("adam", "adamw", "adamax", "nadam", "radam");

    static final List<String> PRECISIONS = List.of("float64", "float16");
    static final List<String> EPS_PLACEMENTS = List.of("outside", "inside");
    private static final double INF = Double.MAX_VALUE;

    private OptimizerFactory() {
    }

    /** p = the optimizer JSON object (path e.g. "runs[0].optimizer"); rejects unknown fields/types with SpecException(field path, message, allowed). */
    public static Optimizer create(Params p, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be ≥ 1, was " + dim);
        }
        Map<String, Object> c = resolve(p);
        String type = (String) c.get("type");
        boolean half = "float16".equals(c.get("precision"));
        boolean inside = "inside".equals(c.get("epsPlacement"));
        double wd = d(c, "weightDecay");
        List<Transform> stages = new ArrayList<>();
        boolean decoupled = type.equals("adamw") || Boolean.TRUE.equals(c.get("decoupledWeightDecay"));
        if (wd != 0) {
            stages.add(decoupled ? new DecoupledWeightDecay(wd) : new AddWeightDecay(wd));
        }
        if (half) {
            stages.add(new RoundGradToHalf());
        }
        switch (type) {
            case "sgd" -> stages.add(new Sgd(dim, d(c, "momentum"), d(c, "dampening"), (Boolean) c.get("nesterov"), half));
            case "adagrad" -> stages.add(new Adagrad(dim, d(c, "lrDecay"), d(c, "initialAccumulatorValue"), d(c, "eps"), inside, half));
            case "rmsprop" -> stages.add(new Rmsprop(dim, d(c, "alpha"), d(c, "eps"), d(c, "momentum"), (Boolean) c.get("centered"), inside, half));
            case "adadelta" -> stages.add(new Adadelta(dim, d(c, "rho"), d(c, "eps"), half));
            case "adam", "adamw" -> stages.add(new Adam(dim, d(c, "beta1"), d(c, "beta2"), d(c, "eps"), (Boolean) c.get("amsgrad"), inside, half));
            case "adamax" -> stages.add(new Adamax(dim, d(c, "beta1"), d(c, "beta2"), d(c, "eps"), half));
            case "nadam" -> stages.add(new Nadam(dim, d(c, "beta1"), d(c, "beta2"), d(c, "eps"), d(c, "momentumDecay"), inside, half));
            case "radam" -> stages.add(new Radam(dim, d(c, "beta1"), d(c, "beta2"), d(c, "eps"), inside, half));
            default -> throw new AssertionError(type);
        }
        return new Chain(stages.toArray(new Transform[0]));
    }

    /** The configured lr (or the type's default). */
    public static double lr(Params p) {
        return d(resolve(p), "lr");
    }

    /** type + every field with its default filled in, in documentation order (JSON-able map). */
    public static Map<String, Object> withDefaults(Params p) {
        return resolve(p);
    }

    /** The optimizer's type (validated). */
    public static String type(Params p) {
        return p.choice("type", null, TYPES);
    }

    private static double d(Map<String, Object> c, String key) {
        return (Double) c.get(key);
    }

    /** Validates every field and returns type + all fields with defaults, in documentation order. */
    static Map<String, Object> resolve(Params p) {
        if (p == null) {
            throw new SpecException("optimizer", "is required", TYPES);
        }
        String type = type(p);
        // dry run on an empty object collects the field names, so unknown fields are reported first
        List<String> names = new ArrayList<>();
        fields(type, new Params(Map.of(), p.path()), new LinkedHashMap<>(), names);
        p.allowOnly(names);
        Map<String, Object> c = new LinkedHashMap<>();
        fields(type, p, c, new ArrayList<>());
        return c;
    }

    private static void fields(String type, Params p, Map<String, Object> c, List<String> allowed) {
        c.put("type", type);
        allowed.add("type");
        R r = new R(p, c, allowed);
        switch (type) {
            case "sgd" -> {
                r.num("lr", 1e-3, 0, INF);
                r.num("momentum", 0, 0, INF);
                r.num("dampening", 0, 0, 1);
                r.bool("nesterov", false);
                r.num("weightDecay", 0, 0, INF);
                if ((Boolean) c.get("nesterov") && (d(c, "momentum") <= 0 || d(c, "dampening") != 0)) {
                    throw new SpecException(p.pathOf("nesterov"),
                            "Nesterov momentum requires a momentum greater than 0 and zero dampening");
                }
            }
            case "adagrad" -> {
                r.num("lr", 1e-2, 0, INF);
                r.num("lrDecay", 0, 0, INF);
                r.num("weightDecay", 0, 0, INF);
                r.num("initialAccumulatorValue", 0, 0, INF);
                r.num("eps", 1e-10, 0, INF);
                r.epsPlacement();
            }
            case "rmsprop" -> {
                r.num("lr", 1e-2, 0, INF);
                r.num("alpha", 0.99, 0, 1);
                r.num("eps", 1e-8, 0, INF);
                r.num("weightDecay", 0, 0, INF);
                r.num("momentum", 0, 0, INF);
                r.bool("centered", false);
                r.epsPlacement();
            }
            case "adadelta" -> {
                r.num("lr", 1.0, 0, INF);
                r.num("rho", 0.9, 0, 1);
                r.num("eps", 1e-6, 0, INF);
                r.num("weightDecay", 0, 0, INF);
            }
            case "adam", "adamw" -> {
                r.num("lr", 1e-3, 0, INF);
                r.betas();
                r.num("eps", 1e-8, 0, INF);
                r.num("weightDecay", type.equals("adamw") ? 1e-2 : 0, 0, INF);
                r.bool("amsgrad", false);
                r.epsPlacement();
            }
            case "adamax" -> {
                r.num("lr", 2e-3, 0, INF);
                r.betas();
                r.num("eps", 1e-8, 0, INF);
                r.num("weightDecay", 0, 0, INF);
                if (p.has("epsPlacement")) {
                    throw new SpecException(p.pathOf("epsPlacement"),
                            "adamax adds eps inside the max, u = max(beta2*u, |g| + eps); epsPlacement does not apply");
                }
            }
            case "nadam" -> {
                r.num("lr", 2e-3, 0, INF);
                r.betas();
                r.num("eps", 1e-8, 0, INF);
                r.num("weightDecay", 0, 0, INF);
                r.num("momentumDecay", 4e-3, 0, INF);
                r.bool("decoupledWeightDecay", false);
                r.epsPlacement();
            }
            case "radam" -> {
                r.num("lr", 1e-3, 0, INF);
                r.betas();
                r.num("eps", 1e-8, 0, INF);
                r.num("weightDecay", 0, 0, INF);
                r.bool("decoupledWeightDecay", false);
                r.epsPlacement();
            }
            default -> throw new AssertionError(type);
        }
        allowed.add("precision");
        c.put("precision", p.choice("precision", "float64", PRECISIONS));
    }

    /** Reads fields into the resolved map while recording the allowed names. */
    private record R(Params p, Map<String, Object> c, List<String> allowed) {
        void num(String key, double def, double min, double max) {
            allowed.add(key);
            double v = p.number(key, def);
            if (v < min || v > max) {
                String range = max == INF ? "must be ≥ " + fmt(min) : "must be between " + fmt(min) + " and " + fmt(max);
                throw new SpecException(p.pathOf(key), range + ", was " + v);
            }
            c.put(key, v);
        }

        void bool(String key, boolean def) {
            allowed.add(key);
            c.put(key, p.bool(key, def));
        }

        void betas() {
            for (String key : List.of("beta1", "beta2")) {
                allowed.add(key);
                double v = p.number(key, key.equals("beta1") ? 0.9 : 0.999);
                if (!(v >= 0 && v < 1)) {
                    throw new SpecException(p.pathOf(key), "must be ≥ 0 and < 1, was " + v);
                }
                c.put(key, v);
            }
        }

        void epsPlacement() {
            allowed.add("epsPlacement");
            c.put("epsPlacement", p.choice("epsPlacement", "outside", EPS_PLACEMENTS));
        }
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
