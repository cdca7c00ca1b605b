package dev.lrlab.ui.compare;

import dev.lrlab.experiment.sweep.LrRangeTest;
import dev.lrlab.experiment.sweep.StabilityMap;
import dev.lrlab.experiment.sweep.SweepResult;
import java.util.List;
import java.util.Locale;

/**
 * The sweeps' pictures as SVG text: the LR sweep (loss against η on a log axis, diverged points as
 * red crosses, 2/λmax and the heavy-ball edge as lines), the (η, β) map with its boundary, and the
 * LR range test. Points carry {@code data-*} attributes, so a click names the point it hit.
 */
final class SvgPlots {
    static final int W = 640;
    static final int H = 280;
    private static final int L = 76; // room for tick labels such as 1.21e-09 beside the rotated axis title
    private static final int R = 12;
    private static final int T = 14;
    private static final int B = 38;
    /** Points at the end of an LR range test left out of its y range, as fastai's {@code skip_end}. */
    private static final int SKIP_END = 5;

    private SvgPlots() {
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static StringBuilder open(String id) {
        return new StringBuilder("<svg id='" + id + "' xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + W + " " + H
                + "' style='width:100%;height:auto;max-height:320px;font:11px sans-serif;"
                + "background:var(--lumo-base-color);color:var(--lumo-body-text-color)'>");
    }

    private static void frame(StringBuilder s, String xLabel, String yLabel) {
        s.append("<rect x='").append(L).append("' y='").append(T).append("' width='").append(W - L - R)
                .append("' height='").append(H - T - B).append("' fill='none' stroke='currentColor' stroke-opacity='.3'/>");
        s.append("<text x='").append((L + W - R) / 2).append("' y='").append(H - 4)
                .append("' text-anchor='middle' fill='currentColor'>").append(esc(xLabel)).append("</text>");
        s.append("<text transform='translate(13 ").append((T + H - B) / 2).append(") rotate(-90)' text-anchor='middle' fill='currentColor'>")
                .append(esc(yLabel)).append("</text>");
    }

    static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
    }

    /** x on a log axis between lo and hi. */
    private static double lx(double v, double lo, double hi) {
        return L + (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (W - L - R);
    }

    private static double ly(double v, double lo, double hi) {
        return H - B - (v - lo) / (hi - lo) * (H - T - B);
    }

    private static void logTicks(StringBuilder s, double lo, double hi) {
        for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) {
            double x = lx(Math.pow(10, e), lo, hi);
            s.append("<line x1='").append(f(x)).append("' x2='").append(f(x)).append("' y1='").append(H - B)
                    .append("' y2='").append(H - B + 4).append("' stroke='currentColor'/><text x='").append(f(x))
                    .append("' y='").append(H - B + 15).append("' text-anchor='middle' fill='currentColor'>1e")
                    .append(e).append("</text>");
        }
    }

    private static void yTicks(StringBuilder s, double lo, double hi, boolean log) {
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            double y = ly(v, lo, hi);
            s.append("<text x='").append(L - 4).append("' y='").append(f(y + 3)).append("' text-anchor='end' fill='currentColor'>")
                    .append(esc(log ? Numbers.format(Math.pow(10, v)) : Numbers.format(v))).append("</text>");
        }
    }

    /** A dashed vertical line with its label at height labelY, haloed so points under it stay apart from it. */
    private static void vline(StringBuilder s, double x, String color, String label, String id, double labelY) {
        // near the right edge the label goes to the line's left, or it would be cut off
        boolean left = x > W - R - 130;
        s.append("<g id='").append(id).append("'><line x1='").append(f(x)).append("' x2='").append(f(x)).append("' y1='")
                .append(T).append("' y2='").append(H - B).append("' stroke='").append(color)
                .append("' stroke-dasharray='5 3' stroke-width='1.5'/><text x='").append(f(left ? x - 4 : x + 4))
                .append("' y='").append(f(labelY)).append("' text-anchor='").append(left ? "end" : "start")
                .append("' fill='").append(color).append("' style='paint-order:stroke;stroke:var(--lumo-base-color);")
                .append("stroke-width:3px'>").append(esc(label)).append("</text></g>");
    }

    /** Final loss of each grid point against η (the first parameter), log-log when every loss is positive. */
    static String lrSweep(SweepResult r, String xLabel, String yLabel, String edgeLabel, String heavyLabel) {
        List<Object> lrs = r.parameters().get(0).values();
        double lo = ((Number) lrs.get(0)).doubleValue();
        double hi = ((Number) lrs.get(lrs.size() - 1)).doubleValue();
        boolean log = r.points().stream().allMatch(p -> p.diverged() || p.finalLoss() > 0);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (SweepResult.SweepPoint p : r.points()) {
            if (!p.diverged() && Double.isFinite(p.finalLoss())) {
                double y = log ? Math.log10(Math.max(p.finalLoss(), 1e-300)) : p.finalLoss();
                yMin = Math.min(yMin, Math.max(y, log ? -30 : y));
                yMax = Math.max(yMax, y);
            }
        }
        if (!(yMax > yMin)) {
            yMin = Double.isFinite(yMin) ? yMin - 1 : 0;
            yMax = yMin + 2;
        }
        StringBuilder s = open("lr-sweep-plot");
        frame(s, xLabel, yLabel);
        logTicks(s, lo, hi);
        yTicks(s, yMin, yMax, log);
        SweepResult.RunAnalysis a = r.analysis().isEmpty() ? null : r.analysis().get(0);
        if (a != null && a.stableLr() != null && a.stableLr() >= lo && a.stableLr() <= hi) {
            vline(s, lx(a.stableLr(), lo, hi), "#e65100", edgeLabel, "edge-line", H - B - 8); // diverged × sit at the top
        }
        if (a != null && a.heavyBallStableLr() != null && a.momentum() != null && a.momentum() > 0
                && a.heavyBallStableLr() >= lo && a.heavyBallStableLr() <= hi) {
            vline(s, lx(a.heavyBallStableLr(), lo, hi), "#6a1b9a", heavyLabel, "heavy-line", T + 30);
        }
        for (int i = 0; i < r.points().size(); i++) {
            SweepResult.SweepPoint p = r.points().get(i);
            double lr = ((Number) p.values().get(0)).doubleValue();
            double x = lx(lr, lo, hi);
            String data = " data-i='" + i + "' data-lr='" + lr + "' data-diverged='" + p.diverged() + "' class='lr-pt'"
                    + " style='cursor:pointer'";
            if (p.diverged()) {
                double y = T + 6;
                s.append("<path").append(data).append(" d='M").append(f(x - 5)).append(' ').append(f(y - 5)).append("L")
                        .append(f(x + 5)).append(' ').append(f(y + 5)).append("M").append(f(x - 5)).append(' ')
                        .append(f(y + 5)).append("L").append(f(x + 5)).append(' ').append(f(y - 5))
                        .append("' stroke='#d32f2f' stroke-width='2.5'><title>η = ").append(Numbers.format(lr))
                        .append(" ×</title></path>");
            } else {
                double v = log ? Math.max(Math.log10(Math.max(p.finalLoss(), 1e-300)), yMin) : p.finalLoss();
                s.append("<circle").append(data).append(" cx='").append(f(x)).append("' cy='").append(f(ly(v, yMin, yMax)))
                        .append("' r='4.5' fill='#1976d2'><title>η = ").append(Numbers.format(lr)).append(", ")
                        .append(Numbers.format(p.finalLoss())).append("</title></circle>");
            }
        }
        return s.append("</svg>").toString();
    }

    /** The (η, β) grid coloured by final loss (red: diverged) with η = 2(1+β)/λmax over it. */
    static String stabilityMap(SweepResult r, StabilityMap.Boundary boundary, String xLabel, String yLabel,
                               String boundaryLabel) {
        List<Object> lrs = r.parameters().get(0).values();
        List<Object> betas = r.parameters().get(1).values();
        int n = lrs.size();
        int m = betas.size();
        double x0 = ((Number) lrs.get(0)).doubleValue();
        double x1 = ((Number) lrs.get(n - 1)).doubleValue();
        double cw = (W - L - R) / (double) n;
        double ch = (H - T - B) / (double) m;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepResult.SweepPoint p : r.points()) {
            if (!p.diverged() && p.finalLoss() > 0) {
                lo = Math.min(lo, Math.log10(p.finalLoss()));
                hi = Math.max(hi, Math.log10(p.finalLoss()));
            }
        }
        lo = Math.max(lo, hi - 30);
        StringBuilder s = open("stability-map-plot");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                SweepResult.SweepPoint p = r.point(i, j);
                String fill;
                if (p.diverged()) {
                    fill = "#e53935";
                } else {
                    double t = hi > lo && p.finalLoss() > 0 ? (Math.log10(p.finalLoss()) - lo) / (hi - lo) : 0;
                    t = Math.max(0, Math.min(1, t));
                    fill = String.format(Locale.ROOT, "hsl(%d,70%%,%d%%)", (int) (210 - 160 * t), (int) (30 + 45 * t));
                }
                s.append("<rect class='lr-cell' data-lr='").append(lrs.get(i)).append("' data-beta='").append(betas.get(j))
                        .append("' data-diverged='").append(p.diverged()).append("' x='").append(f(L + i * cw))
                        .append("' y='").append(f(H - B - (j + 1) * ch)).append("' width='").append(f(cw + 0.5))
                        .append("' height='").append(f(ch + 0.5)).append("' fill='").append(fill).append("'/>");
            }
        }
        frame(s, xLabel, yLabel);
        StringBuilder pts = new StringBuilder();
        for (StabilityMap.BoundaryPoint b : boundary.points()) {
            double x = L + (b.lr() - x0) / (x1 - x0) * (n - 1) * cw + cw / 2;
            double y = H - B - (b.momentum() / ((Number) betas.get(m - 1)).doubleValue()) * (m - 1) * ch - ch / 2;
            if (x <= W - R) {
                pts.append(f(x)).append(',').append(f(y)).append(' ');
            }
        }
        s.append("<polyline id='map-boundary' points='").append(pts).append("' fill='none' stroke='#fff' stroke-width='2.5'/>")
                .append("<polyline points='").append(pts).append("' fill='none' stroke='#000' stroke-width='1' stroke-dasharray='4 3'/>");
        s.append("<text x='").append(L + 6).append("' y='").append(T + 14).append("' fill='#fff' stroke='#000' stroke-width='.3'>")
                .append(esc(boundaryLabel)).append("</text>");
        for (int k = 0; k <= 4; k++) {
            double v = x0 + (x1 - x0) * k / 4;
            s.append("<text x='").append(f(L + (v - x0) / (x1 - x0) * (n - 1) * cw + cw / 2)).append("' y='").append(H - B + 15)
                    .append("' text-anchor='middle' fill='currentColor'>").append(Numbers.format(v)).append("</text>");
            double b = ((Number) betas.get(m - 1)).doubleValue() * k / 4;
            s.append("<text x='").append(L - 4).append("' y='").append(f(H - B - k * (m - 1) * ch / 4 - ch / 2 + 3))
                    .append("' text-anchor='end' fill='currentColor'>").append(Numbers.format(b)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Smoothed loss against lr (log axis) with the suggested lr marked. */
    static String rangeTest(LrRangeTest.Result r, String xLabel, String yLabel, String suggestedLabel) {
        int n = r.lr().length;
        double lo = r.lr()[0];
        double hi = r.lr()[n - 1];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        // the top of the y range leaves out the last SKIP_END points (fastai's plot does too): the
        // loss explodes there, and scaled to that spike the whole descent would be one flat line;
        // the bottom keeps them, as the lowest loss is often among them
        int shown = n > SKIP_END + 2 ? n - SKIP_END : n;
        for (int i = 0; i < n; i++) {
            double v = r.smoothed()[i];
            if (Double.isFinite(v)) {
                yMin = Math.min(yMin, v);
                yMax = i < shown ? Math.max(yMax, v) : yMax;
            }
        }
        if (!(yMax > yMin)) {
            yMax = yMin + 1;
        }
        StringBuilder s = open("range-test-plot");
        frame(s, xLabel, yLabel);
        logTicks(s, lo, hi);
        yTicks(s, yMin, yMax, false);
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(r.smoothed()[i])) {
                d.append(d.length() == 0 ? "M" : "L").append(f(lx(r.lr()[i], lo, hi))).append(' ')
                        .append(f(Math.max(T, ly(r.smoothed()[i], yMin, yMax)))); // the blow-up runs along the top
            }
        }
        s.append("<path d='").append(d).append("' fill='none' stroke='#1976d2' stroke-width='2'/>");
        if (r.suggestion().lr() != null) {
            vline(s, lx(r.suggestion().lr(), lo, hi), "#2e7d32", suggestedLabel, "suggested-line", T + 12);
        }
        return s.append("</svg>").toString();
    }
}
