package dev.lrlab.ui.landscape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * What {@link LandscapeCanvas#setField} draws: a 2-D grid of loss values over a view box (filled
 * contours) or a 1-D curve f(θ). Values are made JSON-safe on construction: non-finite values
 * (overflow, NaN) are replaced by the largest finite value of the field (-∞ by the smallest), so a
 * landscape with a singularity still draws and the JSON stays valid.
 */
public final class LandscapeField {

    /** A marked minimum: a star at (x, y) with a short label. In 1-D, y is f(x). */
    public record Minimum(double x, double y, String label) {
        public Minimum {
            Objects.requireNonNull(label, "label");
        }
    }

    private final ObjectNode json;

    private LandscapeField(ObjectNode json) {
        this.json = json;
    }

    /**
     * A grid of f over [x0, x1] × [y0, y1]: {@code values[j * nx + i]} = f(x0 + i·dx, y0 + j·dy)
     * with dx = (x1 − x0)/(nx − 1), dy = (y1 − y0)/(ny − 1); row 0 is y = y0 (the bottom).
     *
     * @param logScale contour log(f − min + ε) instead of f: for landscapes spanning decades
     *                 (Rosenbrock); see {@link #recommendLogScale}
     */
    public static LandscapeField grid(double x0, double x1, double y0, double y1, int nx, int ny, double[] values,
                                      boolean logScale, List<Minimum> minima) {
        checkBox(x0, x1);
        checkBox(y0, y1);
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 × 2 values, got " + nx + " × " + ny);
        }
        if (values.length != nx * ny) {
            throw new IllegalArgumentException("expected nx·ny = " + (nx * ny) + " values, got " + values.length);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", "2d").put("x0", x0).put("x1", x1).put("y0", y0).put("y1", y1).put("nx", nx).put("ny", ny);
        ArrayNode v = o.putArray("values");
        for (double d : sanitize(values)) {
            v.add(d);
        }
        o.put("logScale", logScale);
        putMinima(o, minima);
        return new LandscapeField(o);
    }

    /** Samples f on an nx × ny grid over the box (row-major, y from y0 upward) and builds the field. */
    public static LandscapeField sample(DoubleBinaryOperator f, double x0, double x1, double y0, double y1, int nx, int ny,
                                        Boolean logScale, List<Minimum> minima) {
        double[] values = sampleGrid(f, x0, x1, y0, y1, nx, ny);
        boolean log = logScale != null ? logScale : recommendLogScale(values);
        return grid(x0, x1, y0, y1, nx, ny, values, log, minima);
    }

    /** f sampled row-major on the grid described at {@link #grid}. */
    public static double[] sampleGrid(DoubleBinaryOperator f, double x0, double x1, double y0, double y1, int nx, int ny) {
        double[] values = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            double y = y0 + (y1 - y0) * j / (ny - 1);
            for (int i = 0; i < nx; i++) {
                values[j * nx + i] = f.applyAsDouble(x0 + (x1 - x0) * i / (nx - 1), y);
            }
        }
        return values;
    }

    /** A curve through the points (xs[k], ys[k]), xs increasing, shown over [x0, x1]. */
    public static LandscapeField curve(double x0, double x1, double[] xs, double[] ys, List<Minimum> minima) {
        checkBox(x0, x1);
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("a curve needs xs and ys of equal length ≥ 2");
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mode", "1d").put("x0", x0).put("x1", x1);
        ArrayNode ax = o.putArray("xs");
        for (double d : sanitize(xs)) {
            ax.add(d);
        }
        ArrayNode ay = o.putArray("ys");
        for (double d : sanitize(ys)) {
            ay.add(d);
        }
        putMinima(o, minima);
        return new LandscapeField(o);
    }

    /** Samples f at n evenly spaced points of [x0, x1]. */
    public static LandscapeField sampleCurve(DoubleUnaryOperator f, double x0, double x1, int n, List<Minimum> minima) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = x0 + (x1 - x0) * k / (n - 1);
            ys[k] = f.applyAsDouble(xs[k]);
        }
        return curve(x0, x1, xs, ys, minima);
    }

    /**
     * Whether linear contours would waste most levels: true when half the grid lies in the lowest
     * 10% of the value range (f − min spans decades, as Rosenbrock's 1e-3 … 1e4 does: median at
     * 6% of the range on [−2, 2] × [−1, 3]; quadratics and the double well sit at 18–28%).
     */
    public static boolean recommendLogScale(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 2) {
            return false;
        }
        double min = finite[0];
        double max = finite[finite.length - 1];
        if (!(max > min)) {
            return false;
        }
        double median = finite[finite.length / 2];
        return (median - min) / (max - min) < 0.1;
    }

    /** Replaces non-finite values: NaN and +∞ by the largest finite value, −∞ by the smallest (0 if none). */
    static double[] sanitize(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        double[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            double v = out[k];
            if (!Double.isFinite(v)) {
                out[k] = v == Double.NEGATIVE_INFINITY ? min : max;
            }
        }
        return out;
    }

    /** The field as sent to the browser (a copy). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    ObjectNode json() {
        return json;
    }

    public boolean is2d() {
        return "2d".equals(json.get("mode").asText());
    }

    private static void putMinima(ObjectNode o, List<Minimum> minima) {
        ArrayNode arr = o.putArray("minima");
        if (minima == null) {
            return;
        }
        for (Minimum m : minima) {
            if (Double.isFinite(m.x()) && Double.isFinite(m.y())) {
                arr.addObject().put("x", m.x()).put("y", m.y()).put("label", m.label());
            }
        }
    }

    private static void checkBox(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !(b > a)) {
            throw new IllegalArgumentException("invalid range [" + a + ", " + b + "]");
        }
    }
}
