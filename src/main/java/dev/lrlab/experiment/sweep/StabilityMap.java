package dev.lrlab.experiment.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The (η, β) stability map of SGD with heavy-ball momentum on a quadratic (S6; Distill's "Why
 * Momentum Really Works"): a sweep preset over {@code runs[0].optimizer.lr} × {@code
 * runs[0].optimizer.momentum}, and the theory to overlay. On eigenvalue λ, PyTorch's SGD
 * (v ← βv + g, θ ← θ − ηv) is the linear recurrence θ_{t+1} = (1 + β − ηλ)θ_t − βθ_{t−1}, whose
 * characteristic roots lie inside the unit circle iff 0 ≤ β &lt; 1 and 0 &lt; ηλ &lt; 2(1+β); the
 * binding eigenvalue is λmax, so the boundary is the line η = 2(1+β)/λmax.
 */
public final class StabilityMap {
    /** The default landscape: the S1 quadratic with eigenvalues 1 and 10. */
    public static final double[] EIGENVALUES = {1, 10};
    public static final double[] START = {-4, 2};
    public static final int STEPS = 200;
    public static final double MAX_MOMENTUM = 0.99;

    private StabilityMap() {
    }

    /** The base experiment: one SGD run on a diagonal quadratic (lr and momentum get swept). */
    public static Map<String, Object> baseSpec(double[] eigenvalues, double[] start, int steps) {
        Map<String, Object> landscape = new LinkedHashMap<>();
        landscape.put("type", "quadratic");
        landscape.put("eigenvalues", list(eigenvalues));
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("type", "sgd");
        opt.put("lr", 0.1);
        opt.put("momentum", 0.0);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("label", "SGD + momentum");
        run.put("start", list(start));
        run.put("steps", steps);
        run.put("optimizer", opt);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 1);
        spec.put("landscape", landscape);
        spec.put("runs", new ArrayList<>(List.of(run)));
        return spec;
    }

    /**
     * The axes: η from 4/(λmax·lrCount) to 4/λmax (twice GD's edge, so the whole boundary up to
     * β = 1 is inside), then β from 0 to 0.99. η is the first (slowest) parameter.
     */
    public static List<SweepParameter> parameters(double lambdaMax, int lrCount, int momentumCount) {
        double lrMax = 4 / lambdaMax;
        return List.of(SweepParameter.linRange("runs[0].optimizer.lr", lrMax / lrCount, lrMax, lrCount),
                SweepParameter.linRange("runs[0].optimizer.momentum", 0, MAX_MOMENTUM, momentumCount));
    }

    /** The default map: S1 quadratic, 200 steps, lrCount × momentumCount points. */
    public static SweepSpec prepare(Sweeps sweeps, int lrCount, int momentumCount) {
        return sweeps.prepare(baseSpec(EIGENVALUES, START, STEPS), parameters(max(EIGENVALUES), lrCount,
                momentumCount));
    }

    /** One point of the boundary: at momentum β, the largest stable η. */
    public record BoundaryPoint(double momentum, double lr) {
    }

    /**
     * The theoretical boundary for the UI to draw over the map.
     *
     * @param rule      the condition in words
     * @param lambdaMax the binding eigenvalue
     * @param points    η = 2(1+β)/λmax at each β of the map's momentum axis
     */
    public record Boundary(String rule, double lambdaMax, List<BoundaryPoint> points) {
    }

    public static Boundary boundary(double lambdaMax, List<Double> momenta) {
        List<BoundaryPoint> pts = new ArrayList<>();
        for (double b : momenta) {
            if (b >= 0 && b < 1) {
                pts.add(new BoundaryPoint(b, edge(lambdaMax, b)));
            }
        }
        return new Boundary("stable iff 0 ≤ β < 1 and 0 < ηλ < 2(1+β) for every eigenvalue λ", lambdaMax, pts);
    }

    /** The boundary at the momentum axis of a prepared map (its second parameter). */
    public static Boundary boundary(SweepSpec map) {
        List<Double> betas = map.parameters().get(1).values().stream().map(v -> ((Number) v).doubleValue()).toList();
        Double lmax = Sweeps.analysis(map.compiled(), map.runs().get(0)).lambdaMax();
        return boundary(lmax == null ? Double.NaN : lmax, betas);
    }

    /** The largest stable η at momentum β: 2(1+β)/λmax. */
    public static double edge(double lambdaMax, double momentum) {
        return 2 * (1 + momentum) / lambdaMax;
    }

    /** Whether heavy ball with (η, β) converges on a quadratic with these eigenvalues (all &gt; 0). */
    public static boolean stable(double lr, double momentum, double[] eigenvalues) {
        if (!(momentum >= 0 && momentum < 1)) {
            return false;
        }
        for (double l : eigenvalues) {
            double x = lr * l;
            if (!(x > 0 && x < 2 * (1 + momentum))) {
                return false;
            }
        }
        return true;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<Object> list(double[] a) {
        List<Object> out = new ArrayList<>();
        for (double v : a) {
            out.add(v);
        }
        return out;
    }
}
