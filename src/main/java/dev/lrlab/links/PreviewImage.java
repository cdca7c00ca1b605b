package dev.lrlab.links;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.experiment.RunPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The thumbnail a chat or course platform shows for a pasted link (Open Graph size 1200 × 630):
 * for 2-D landscapes the loss as a colour field (log scale) with every run's trajectory and the
 * known minima; otherwise every run's loss against the step (log scale). Drawn with Java2D from the
 * engine's numbers, headless, no browser involved.
 */
public final class PreviewImage {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    private static final int CELL = 6;
    private static final int FOOTER = 70;
    /** Viridis at five stops (the landscape element's default colour map). */
    private static final int[][] STOPS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    /**
     * Unit operations the colour field may cost: one loss per cell, and a 2-feature data landscape's
     * loss is a pass over its data (n = 1,000,000 would make the field 10¹⁰ operations); such
     * landscapes get the loss curves instead.
     */
    static final double MAX_FIELD_WORK = 2e8;

    private PreviewImage() {
    }

    /** Unit operations of drawing the colour field of {@code l} (one loss per cell). */
    static double fieldCost(Landscape l) {
        return (double) (WIDTH / CELL) * ((HEIGHT - FOOTER) / CELL) * l.gradientCost();
    }

    /** The PNG bytes of a result on its landscape. */
    public static byte[] png(Landscape landscape, ExperimentResult result) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(24, 26, 32));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int plotH = HEIGHT - FOOTER;
            if (landscape.dim() == 2 && fieldCost(landscape) <= MAX_FIELD_WORK) {
                field(g, landscape, plotH);
                trajectories(g, landscape.viewBox(), result.runs(), landscape.minima(), plotH);
            } else {
                lossCurves(g, result.runs(), plotH);
            }
            footer(g, landscape.displayName(), result.runs());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void field(Graphics2D g, Landscape l, int plotH) {
        Landscape.ViewBox vb = l.viewBox();
        int cols = WIDTH / CELL;
        int rows = plotH / CELL;
        double[][] f = new double[rows][cols];
        double[] all = new double[rows * cols];
        double[] x = new double[2];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            dev.lrlab.core.work.WorkGuard.check();
            for (int c = 0; c < cols; c++) {
                x[0] = vb.xMin() + (c + 0.5) / cols * (vb.xMax() - vb.xMin());
                x[1] = vb.yMax() - (r + 0.5) / rows * (vb.yMax() - vb.yMin());
                double v = l.value(x);
                f[r][c] = v;
                if (Double.isFinite(v)) {
                    all[n++] = v;
                }
            }
        }
        if (n == 0) {
            return;
        }
        double[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        double lo = sorted[0];
        // the top 2 % are clipped so one steep wall does not flatten the whole picture
        double hi = Math.log1p(sorted[(int) (0.98 * (n - 1))] - lo);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = f[r][c];
                double t = Double.isFinite(v) && hi > 0 ? Math.min(1, Math.log1p(Math.max(0, v - lo)) / hi) : 1;
                g.setColor(viridis(t));
                g.fillRect(c * CELL, r * CELL, CELL, CELL);
            }
        }
    }

    private static Color viridis(double t) {
        double s = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) s);
        double u = s - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        return new Color((int) (a[0] + u * (b[0] - a[0])), (int) (a[1] + u * (b[1] - a[1])),
                (int) (a[2] + u * (b[2] - a[2])));
    }

    private static void trajectories(Graphics2D g, Landscape.ViewBox vb, List<RunResult> runs,
                                     List<Landscape.Minimum> minima, int plotH) {
        g.setClip(0, 0, WIDTH, plotH);
        for (Landscape.Minimum m : minima) {
            double[] p = pixel(vb, m.point(), plotH);
            g.setColor(Color.WHITE);
            g.fill(new java.awt.geom.Ellipse2D.Double(p[0] - 6, p[1] - 6, 12, 12));
        }
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            if (run.recordedDim() < 2 || run.theta().length == 0) {
                continue;
            }
            Color color = color(run, i);
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < run.theta().length; k++) {
                double[] p = pixel(vb, run.theta()[k], plotH);
                if (k == 0) {
                    path.moveTo(p[0], p[1]);
                } else {
                    path.lineTo(p[0], p[1]);
                }
            }
            g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(0, 0, 0, 110));
            g.draw(path);
            g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(color);
            g.draw(path);
            double[] start = pixel(vb, run.theta()[0], plotH);
            g.fill(new java.awt.geom.Ellipse2D.Double(start[0] - 8, start[1] - 8, 16, 16));
            double[] end = pixel(vb, run.theta()[run.theta().length - 1], plotH);
            if ("diverged".equals(run.status())) {
                g.setColor(new Color(255, 82, 82));
                g.setStroke(new BasicStroke(5f));
                g.drawLine((int) end[0] - 10, (int) end[1] - 10, (int) end[0] + 10, (int) end[1] + 10);
                g.drawLine((int) end[0] - 10, (int) end[1] + 10, (int) end[0] + 10, (int) end[1] - 10);
            }
        }
        g.setClip(null);
    }

    private static double[] pixel(Landscape.ViewBox vb, double[] p, int plotH) {
        return new double[]{(p[0] - vb.xMin()) / (vb.xMax() - vb.xMin()) * WIDTH,
                (vb.yMax() - p[1]) / (vb.yMax() - vb.yMin()) * plotH};
    }

    private static void lossCurves(Graphics2D g, List<RunResult> runs, int plotH) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int maxStep = 1;
        for (RunResult r : runs) {
            for (int k = 0; k < r.loss().length; k++) {
                double v = r.loss()[k];
                if (Double.isFinite(v) && v > 0) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
            if (r.steps().length > 0) {
                maxStep = Math.max(maxStep, r.steps()[r.steps().length - 1]);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : -1;
            hi = lo + 2;
        }
        int pad = 50;
        g.setColor(new Color(60, 64, 72));
        g.drawRect(pad, pad, WIDTH - 2 * pad, plotH - 2 * pad);
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            Path2D.Double path = new Path2D.Double();
            boolean started = false;
            for (int k = 0; k < r.loss().length; k++) {
                double v = r.loss()[k];
                if (!(Double.isFinite(v) && v > 0)) {
                    continue;
                }
                double px = pad + (double) r.steps()[k] / maxStep * (WIDTH - 2 * pad);
                double py = plotH - pad - (Math.log10(v) - lo) / (hi - lo) * (plotH - 2 * pad);
                if (started) {
                    path.lineTo(px, py);
                } else {
                    path.moveTo(px, py);
                    started = true;
                }
            }
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(color(r, i));
            g.draw(path);
        }
    }

    private static void footer(Graphics2D g, String landscape, List<RunResult> runs) {
        g.setColor(new Color(24, 26, 32));
        g.fillRect(0, HEIGHT - FOOTER, WIDTH, FOOTER);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        g.setColor(Color.WHITE);
        g.drawString("LR Lab", 30, HEIGHT - 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        int x = 160;
        g.setColor(new Color(190, 194, 204));
        g.drawString(landscape, x, HEIGHT - 24);
        x += g.getFontMetrics().stringWidth(landscape) + 30;
        for (int i = 0; i < runs.size() && x < WIDTH - 120; i++) {
            g.setColor(color(runs.get(i), i));
            g.fillOval(x, HEIGHT - 44, 18, 18);
            g.setColor(new Color(220, 222, 228));
            String label = PreviewText.label(runs.get(i).label());
            g.drawString(label, x + 26, HEIGHT - 24);
            x += 26 + g.getFontMetrics().stringWidth(label) + 28;
        }
    }

    private static Color color(RunResult r, int i) {
        String hex = r.color() != null && r.color().matches("#[0-9a-fA-F]{6}") ? r.color() : RunPalette.color(i);
        return Color.decode(hex);
    }
}
