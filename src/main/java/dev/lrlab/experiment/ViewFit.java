package dev.lrlab.experiment;

import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;

/**
 * The first view of an experiment: the landscape's own window, grown to contain every run's start
 * and every known minimum with a margin, so a student always sees where each run begins and where
 * it should end (a start outside the window showed nothing, or a stray line). 1-D landscapes grow
 * along θ only; the curve's height follows from sampling.
 */
public final class ViewFit {
    /** Margin around the points, as a fraction of the grown window's size. */
    static final double MARGIN = 0.08;

    private ViewFit() {
    }

    public static Landscape.ViewBox of(Compiled c) {
        Landscape l = c.landscape();
        Landscape.ViewBox box = l.viewBox();
        double x0 = box.xMin();
        double x1 = box.xMax();
        double y0 = box.yMin();
        double y1 = box.yMax();
        double px0 = Double.POSITIVE_INFINITY;
        double px1 = Double.NEGATIVE_INFINITY;
        double py0 = Double.POSITIVE_INFINITY;
        double py1 = Double.NEGATIVE_INFINITY;
        for (RunConfig r : c.engine().runs()) {
            double[] s = r.start();
            px0 = Math.min(px0, s[0]);
            px1 = Math.max(px1, s[0]);
            if (s.length > 1) {
                py0 = Math.min(py0, s[1]);
                py1 = Math.max(py1, s[1]);
            }
        }
        for (Landscape.Minimum m : l.minima()) {
            double[] p = m.point();
            px0 = Math.min(px0, p[0]);
            px1 = Math.max(px1, p[0]);
            if (p.length > 1) {
                py0 = Math.min(py0, p[1]);
                py1 = Math.max(py1, p[1]);
            }
        }
        if (px0 <= px1 && (px0 < x0 || px1 > x1)) {
            double pad = MARGIN * (Math.max(x1, px1) - Math.min(x0, px0));
            x0 = Math.min(x0, px0 - pad);
            x1 = Math.max(x1, px1 + pad);
        }
        if (l.dim() > 1 && py0 <= py1 && (py0 < y0 || py1 > y1)) {
            double pad = MARGIN * (Math.max(y1, py1) - Math.min(y0, py0));
            y0 = Math.min(y0, py0 - pad);
            y1 = Math.max(y1, py1 + pad);
        }
        return new Landscape.ViewBox(x0, x1, y0, y1);
    }
}
