package dev.lrlab.spec;

import dev.lrlab.core.landscape.DoubleWell;
import dev.lrlab.core.landscape.FlatSharp;
import dev.lrlab.core.landscape.Functions2D;
import dev.lrlab.core.landscape.Games;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.landscape.LinearRegression;
import dev.lrlab.core.landscape.NonStationary;
import dev.lrlab.core.landscape.Quadratic;
import dev.lrlab.core.landscape.Rastrigin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds landscapes from the spec's {@code landscape} object, validating every field. */
public final class LandscapeFactory {
    public static final List<String> TYPES = List.of("quadratic", "rosenbrock", "beale", "himmelblau", "rastrigin",
            "saddle", "doubleWell", "flatSharp", "linearRegression", "nonStationary", "bilinear", "quadraticGame");

    /** Landscape types on which x minimises and y maximises. */
    public static final List<String> GAME_TYPES = List.of("bilinear", "quadraticGame");

    private static final double BIG = 1e6;

    private LandscapeFactory() {
    }

    public static Landscape create(Params p) {
        return create(p, Limits.DEFAULT);
    }

    public static Landscape create(Params p, Limits limits) {
        return parse(p, limits, true, true).landscape;
    }

    /** The landscape object with every default filled in (canonical form). */
    public static Map<String, Object> withDefaults(Params p) {
        return withDefaults(p, Limits.DEFAULT);
    }

    public static Map<String, Object> withDefaults(Params p, Limits limits) {
        return parse(p, limits, false, true).canonical;
    }

    private record Parsed(Landscape landscape, Map<String, Object> canonical) {
    }

    private static Parsed parse(Params p, Limits limits, boolean build, boolean topLevel) {
        if (p == null) {
            throw new SpecException("landscape", "is required", TYPES);
        }
        String type = p.choice("type", null, TYPES);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        Landscape l = null;
        switch (type) {
            case "quadratic" -> {
                if (p.has("matrix")) {
                    p.allowOnly("type", "matrix");
                    double[][] m = matrix(p, "matrix", limits);
                    List<List<Double>> rows = new ArrayList<>();
                    for (double[] r : m) {
                        rows.add(Arrays.stream(r).boxed().toList());
                    }
                    c.put("matrix", rows);
                    l = build ? Quadratic.dense(m) : null;
                } else {
                    p.allowOnly("type", "eigenvalues", "angleDeg");
                    double[] ev = p.has("eigenvalues") ? p.numbers("eigenvalues") : new double[]{1, 10};
                    if (ev.length == 0) {
                        throw new SpecException(p.pathOf("eigenvalues"), "needs at least one value");
                    }
                    checkDim(p.pathOf("eigenvalues"), ev.length, limits);
                    for (int i = 0; i < ev.length; i++) {
                        if (Math.abs(ev[i]) > BIG) {
                            throw new SpecException(p.pathOf("eigenvalues") + "[" + i + "]",
                                    "must be between -1000000 and 1000000");
                        }
                    }
                    double angle = p.number("angleDeg", 0, -360, 360);
                    if (angle != 0 && ev.length != 2) {
                        throw new SpecException(p.pathOf("angleDeg"), "rotation needs exactly 2 eigenvalues");
                    }
                    c.put("eigenvalues", Arrays.stream(ev).boxed().toList());
                    c.put("angleDeg", angle);
                    l = !build ? null : ev.length == 2 ? Quadratic.rotated(ev[0], ev[1], angle) : Quadratic.diagonal(ev);
                }
            }
            case "rosenbrock" -> {
                p.allowOnly("type", "a", "b");
                double a = p.number("a", 1, -100, 100);
                double b = p.number("b", 100, 0, BIG);
                c.put("a", a);
                c.put("b", b);
                l = new Functions2D.Rosenbrock(a, b);
            }
            case "beale" -> {
                p.allowOnly("type");
                l = new Functions2D.Beale();
            }
            case "himmelblau" -> {
                p.allowOnly("type");
                l = new Functions2D.Himmelblau();
            }
            case "saddle" -> {
                p.allowOnly("type");
                l = new Functions2D.Saddle();
            }
            case "rastrigin" -> {
                p.allowOnly("type", "A", "dim");
                double amp = p.number("A", 10, 0, 1000);
                int dim = p.integer("dim", 2, 1, Integer.MAX_VALUE);
                checkDim(p.pathOf("dim"), dim, limits);
                c.put("A", amp);
                c.put("dim", dim);
                l = new Rastrigin(dim, amp);
            }
            case "doubleWell" -> {
                p.allowOnly("type", "a", "b");
                double a = p.number("a", 1, -100, 100);
                double b = p.number("b", 0.3, -100, 100);
                c.put("a", a);
                c.put("b", b);
                l = new DoubleWell(a, b);
            }
            case "flatSharp" -> {
                p.allowOnly("type", "flatCenter", "flatWidth", "flatDepth", "sharpCenter", "sharpWidth", "sharpDepth",
                        "bowl", "testShift");
                double[] fc = pair(p, "flatCenter", -1.5, 0);
                double fw = p.number("flatWidth", 1.0, 0.01, 100);
                double fd = p.number("flatDepth", 1.0, 0, 1000);
                double[] sc = pair(p, "sharpCenter", 1.5, 0);
                double sw = p.number("sharpWidth", 0.15, 0.01, 100);
                double sd = p.number("sharpDepth", 1.2, 0, 1000);
                double bowl = p.number("bowl", 0.05, 0, 100);
                double[] shift = pair(p, "testShift", 0.3, 0.3);
                c.put("flatCenter", List.of(fc[0], fc[1]));
                c.put("flatWidth", fw);
                c.put("flatDepth", fd);
                c.put("sharpCenter", List.of(sc[0], sc[1]));
                c.put("sharpWidth", sw);
                c.put("sharpDepth", sd);
                c.put("bowl", bowl);
                c.put("testShift", List.of(shift[0], shift[1]));
                l = new FlatSharp(fc, fw, fd, sc, sw, sd, bowl, shift);
            }
            case "linearRegression" -> {
                p.allowOnly("type", "n", "features", "featureScale", "noise", "seed");
                int n = p.integer("n", 200, 1, 1_000_000);
                int features = p.integer("features", 2, 1, Integer.MAX_VALUE);
                checkDim(p.pathOf("features"), features, limits);
                if ((long) n * features > limits.maxDataValues()) {
                    throw new SpecException(p.pathOf("n"), "at most " + limits.maxDataValues()
                            + " data values (n × features) (server limit)");
                }
                double[] scale = p.numbers("featureScale");
                if (scale == null) {
                    scale = new double[features];
                    Arrays.fill(scale, 1.0);
                } else if (scale.length != features) {
                    throw new SpecException(p.pathOf("featureScale"), "needs " + features
                            + " values (one per feature), has " + scale.length);
                }
                for (int i = 0; i < scale.length; i++) {
                    if (!(scale[i] > 0) || scale[i] > BIG) {
                        throw new SpecException(p.pathOf("featureScale") + "[" + i + "]",
                                "must be greater than 0 and at most 1000000");
                    }
                }
                double noise = p.number("noise", 0.1, 0, BIG);
                int seed = p.integer("seed", 1, 0, Integer.MAX_VALUE);
                c.put("n", n);
                c.put("features", features);
                c.put("featureScale", Arrays.stream(scale).boxed().toList());
                c.put("noise", noise);
                c.put("seed", seed);
                l = build ? new LinearRegression(n, features, scale, noise, seed) : null;
            }
            case "nonStationary" -> {
                p.allowOnly("type", "base", "atStep", "gradientScale");
                Params baseP = p.object("base");
                if (baseP == null) {
                    throw new SpecException(p.pathOf("base"), "is required (a landscape object)", TYPES);
                }
                String baseType = baseP.string("type", null);
                if (baseType != null && ("nonStationary".equals(baseType) || GAME_TYPES.contains(baseType))) {
                    throw new SpecException(baseP.pathOf("type"), "cannot be '" + baseType + "' here",
                            TYPES.stream().filter(t -> !t.equals("nonStationary") && !GAME_TYPES.contains(t)).toList());
                }
                Parsed base = parse(baseP, limits, build, false);
                int at = p.integer("atStep", 50, 0, Integer.MAX_VALUE);
                double scale = p.number("gradientScale", 10, 1e-6, BIG);
                c.put("base", base.canonical);
                c.put("atStep", at);
                c.put("gradientScale", scale);
                l = build ? new NonStationary(base.landscape, at, scale) : null;
            }
            case "bilinear" -> {
                p.allowOnly("type");
                l = new Games.Bilinear();
            }
            case "quadraticGame" -> {
                p.allowOnly("type", "a", "b", "c");
                double a = p.number("a", 1, -1000, 1000);
                double b = p.number("b", 1, -1000, 1000);
                double cc = p.number("c", 1, -1000, 1000);
                c.put("a", a);
                c.put("b", b);
                c.put("c", cc);
                l = new Games.QuadraticGame(a, b, cc);
            }
            default -> throw new IllegalStateException(type);
        }
        return new Parsed(build ? l : null, c);
    }

    private static void checkDim(String field, int dim, Limits limits) {
        if (dim > limits.maxDim()) {
            throw new SpecException(field, "at most " + limits.maxDim() + " dimensions (server limit)");
        }
    }

    private static double[] pair(Params p, String key, double d0, double d1) {
        double[] v = p.numbers(key);
        if (v == null) {
            return new double[]{d0, d1};
        }
        if (v.length != 2) {
            throw new SpecException(p.pathOf(key), "needs 2 numbers");
        }
        for (int i = 0; i < 2; i++) {
            if (Math.abs(v[i]) > 100) {
                throw new SpecException(p.pathOf(key) + "[" + i + "]", "must be between -100 and 100");
            }
        }
        return v;
    }

    private static double[][] matrix(Params p, String key, Limits limits) {
        String path = p.pathOf(key);
        Object raw = p.asMap().get(key);
        if (!(raw instanceof List<?> rows) || rows.isEmpty()) {
            throw new SpecException(path, "must be a non-empty list of rows");
        }
        int n = rows.size();
        int maxRows = Math.min(limits.maxDim(), limits.maxDenseDim());
        if (n > maxRows) {
            throw new SpecException(path, "at most " + maxRows + " rows for a dense matrix (server limit)");
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!(rows.get(i) instanceof List<?> row) || row.size() != n) {
                throw new SpecException(path + "[" + i + "]", "must be a list of " + n + " numbers (square matrix)");
            }
            for (int j = 0; j < n; j++) {
                if (!(row.get(j) instanceof Number num) || !Double.isFinite(num.doubleValue())
                        || Math.abs(num.doubleValue()) > BIG) {
                    throw new SpecException(path + "[" + i + "][" + j + "]",
                            "must be a finite number between -1000000 and 1000000");
                }
                m[i][j] = num.doubleValue();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > 1e-12 * Math.max(1, Math.abs(m[i][j]))) {
                    throw new SpecException(path + "[" + j + "][" + i + "]", "matrix must be symmetric: "
                            + m[j][i] + " ≠ " + m[i][j] + " at [" + i + "][" + j + "]");
                }
            }
        }
        return m;
    }
}
