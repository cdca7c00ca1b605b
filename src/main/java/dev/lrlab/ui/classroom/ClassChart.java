package dev.lrlab.ui.classroom;

import dev.lrlab.classroom.ClassState;
import dev.lrlab.experiment.sweep.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The class as a sweep: each seat's final loss against its swept value (η unless the sweep names
 * another field), both axes logarithmic, the stability edge 2/λmax as a dashed line and diverged
 * runs as red crosses along the top. Drawn as SVG on the server from numbers only.
 */
final class ClassChart {
    private static final int W = 640;
    private static final int H = 360;
    private static final int LEFT = 86;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 62;

    record Point(double x, Double loss, boolean diverged) {
    }

    private ClassChart() {
    }

    static String xPath(ClassState s) {
        return s.sweep() != null ? s.sweep().path() : "runs[0].optimizer.lr";
    }

    static List<Point> points(ClassState s) {
        SpecPath path = SpecPath.parse(xPath(s), "path");
        List<Point> out = new ArrayList<>();
        for (ClassState.Submission sub : s.submissions()) {
            if (path.get(sub.spec()) instanceof Number n && n.doubleValue() > 0) {
                out.add(new Point(n.doubleValue(), sub.finalLoss(), sub.divergedAt() != null));
            }
        }
        return out;
    }

    /**
     * @param edge  2/λmax, or null when the landscape has none
     * @param font  tick size in px at the chart's natural width (18+ on the projector)
     */
    static String svg(List<Point> pts, Double edge, double xMin, double xMax, Function<String, String> t, int font) {
        double lx0 = Math.log10(xMin);
        double lx1 = Math.log10(xMax);
        if (!(lx1 > lx0)) {
            lx0 -= 0.5;
            lx1 += 0.5;
        }
        double ly0 = Double.POSITIVE_INFINITY;
        double ly1 = Double.NEGATIVE_INFINITY;
        for (Point p : pts) {
            if (!p.diverged() && p.loss() != null && p.loss() > 0) {
                ly0 = Math.min(ly0, Math.log10(p.loss()));
                ly1 = Math.max(ly1, Math.log10(p.loss()));
            }
        }
        if (!Double.isFinite(ly0)) {
            ly0 = -3;
            ly1 = 1;
        }
        ly0 = Math.floor(ly0);
        ly1 = Math.max(Math.ceil(ly1), ly0 + 1);
        int left = LEFT + (font - 12) * 3;
        int bottom = BOTTOM + (font - 12) * 2;
        double pw = W - left - RIGHT;
        double ph = H - TOP - bottom;
        final double fx0 = lx0, fx1 = lx1, fy0 = ly0, fy1 = ly1;
        Function<Double, Double> px = v -> left + (Math.log10(v) - fx0) / (fx1 - fx0) * pw;
        Function<Double, Double> py = v -> TOP + ph - (Math.log10(v) - fy0) / (fy1 - fy0) * ph;
        StringBuilder b = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + W + " " + H
                + "' font-family='sans-serif' font-size='" + font + "'>");
        b.append("<rect width='100%' height='100%' fill='#fff'/>");
        b.append("<text x='").append(left).append("' y='").append(font + 8).append("' font-weight='600'>")
                .append(Svg.esc(t.apply("class.chart.title"))).append("</text>");
        b.append("<rect x='").append(left).append("' y='").append(TOP).append("' width='").append(Svg.num(pw))
                .append("' height='").append(Svg.num(ph)).append("' fill='none' stroke='#999'/>");
        int stepX = Math.max(1, (int) Math.ceil((lx1 - lx0) / 6));
        for (int e = (int) Math.ceil(lx0); e <= lx1; e += stepX) {
            double x = px.apply(Math.pow(10, e));
            b.append("<line x1='").append(Svg.num(x)).append("' x2='").append(Svg.num(x)).append("' y1='").append(TOP)
                    .append("' y2='").append(Svg.num(TOP + ph)).append("' stroke='#eee'/>");
            b.append("<text x='").append(Svg.num(x)).append("' y='").append(Svg.num(TOP + ph + font + 4))
                    .append("' text-anchor='middle'>").append(Svg.label(Math.pow(10, e))).append("</text>");
        }
        int stepY = Math.max(1, (int) Math.ceil((ly1 - ly0) / 5));
        for (int e = (int) ly0; e <= ly1; e += stepY) {
            double y = py.apply(Math.pow(10, e));
            b.append("<line x1='").append(left).append("' x2='").append(Svg.num(left + pw)).append("' y1='")
                    .append(Svg.num(y)).append("' y2='").append(Svg.num(y)).append("' stroke='#eee'/>");
            b.append("<text x='").append(left - 6).append("' y='").append(Svg.num(y + font / 3.0))
                    .append("' text-anchor='end'>1e").append(e).append("</text>");
        }
        b.append("<text x='").append(Svg.num(left + pw / 2)).append("' y='").append(H - 8)
                .append("' text-anchor='middle'>").append(Svg.esc(t.apply("class.chart.x"))).append("</text>");
        b.append("<text transform='translate(").append(font).append(' ').append(Svg.num(TOP + ph / 2))
                .append(") rotate(-90)' text-anchor='middle'>").append(Svg.esc(t.apply("class.chart.y"))).append("</text>");
        if (edge != null && edge > Math.pow(10, lx0) && edge < Math.pow(10, lx1)) {
            double x = px.apply(edge);
            b.append("<line x1='").append(Svg.num(x)).append("' x2='").append(Svg.num(x)).append("' y1='").append(TOP)
                    .append("' y2='").append(Svg.num(TOP + ph)).append("' stroke='#d9480f' stroke-width='2' stroke-dasharray='6 4'/>");
            // left of the line when it is near the right edge, so the label is never cut off
            boolean right = x > left + pw * 0.6;
            b.append("<text x='").append(Svg.num(right ? x - 4 : x + 4)).append("' y='").append(TOP + font + 2)
                    .append("' text-anchor='").append(right ? "end" : "start").append("' fill='#d9480f'>2/λmax = ")
                    .append(Svg.label(edge)).append("</text>");
        }
        for (Point p : pts) {
            double x = px.apply(Math.min(Math.max(p.x(), Math.pow(10, lx0)), Math.pow(10, lx1)));
            if (p.diverged() || p.loss() == null || !(p.loss() > 0)) {
                double y = TOP + 8;
                b.append("<path d='M").append(Svg.num(x - 6)).append(' ').append(Svg.num(y - 6)).append("l12 12m0 -12l-12 12")
                        .append("' stroke='#c92a2a' stroke-width='3'/>");
            } else {
                double y = py.apply(Math.min(Math.max(p.loss(), Math.pow(10, ly0)), Math.pow(10, ly1)));
                b.append("<circle cx='").append(Svg.num(x)).append("' cy='").append(Svg.num(y))
                        .append("' r='6' fill='#1c7ed6' fill-opacity='0.8'/>");
            }
        }
        b.append("</svg>");
        return b.toString();
    }
}
