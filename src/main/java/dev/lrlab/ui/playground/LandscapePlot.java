package dev.lrlab.ui.playground;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.ui.landscape.LandscapeField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Samples a landscape for the canvas: a curve in 1-D, a grid in 2-D, and for more dimensions the
 * 2-D slice through the start point along the first two coordinates.
 */
public final class LandscapePlot {

    static final int GRID = 121;
    static final int MIN_GRID = 21;
    static final int CURVE = 400;
    /** Rough flops spent sampling one view: keeps big data landscapes from stalling the UI. */
    static final double BUDGET = 5e7;

    private LandscapePlot() {}

    /** Where run {@code selected} starts (the slice a high-dimensional landscape is drawn through). */
    static double[] startOf(dev.lrlab.experiment.Compiled c, int selected) {
        var runs = c.engine().runs();
        return selected < runs.size() ? runs.get(selected).start() : new double[]{0, 0};
    }

    /** The field of the experiment's first view (every start and minimum in it), through the selected start. */
    static LandscapeField home(dev.lrlab.experiment.Compiled c, int selected) {
        Landscape.ViewBox box = dev.lrlab.experiment.ViewFit.of(c);
        return field(c.landscape(), startOf(c, selected), box.xMin(), box.xMax(), box.yMin(), box.yMax());
    }

    public static LandscapeField field(Landscape l, double[] through, double x0, double x1, double y0, double y1) {
        List<LandscapeField.Minimum> minima = new ArrayList<>();
        for (Landscape.Minimum m : l.minima()) {
            double[] p = m.point();
            String label = String.format(Locale.ROOT, "f = %.4g", m.value());
            minima.add(new LandscapeField.Minimum(p[0], p.length > 1 ? p[1] : m.value(), label));
        }
        if (l.dim() == 1) {
            return LandscapeField.sampleCurve(x -> l.value(new double[]{x}), x0, x1, CURVE, minima);
        }
        double[] point = through.clone();
        int n = gridSize(l);
        return LandscapeField.sample((x, y) -> {
            point[0] = x;
            point[1] = y;
            return l.value(point);
        }, x0, x1, y0, y1, n, n, null, l.dim() == 2 ? minima : List.of());
    }

    /** Grid points per axis: 121 unless one evaluation is expensive (many dimensions or data points). */
    static int gridSize(Landscape l) {
        double cost = (double) l.dim() * Math.max(1, l.dataSize());
        int n = (int) Math.sqrt(BUDGET / cost);
        return Math.max(MIN_GRID, Math.min(GRID, n));
    }
}
