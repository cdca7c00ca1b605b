package dev.lrlab.core.landscape;

import java.util.List;

/** The classic 2-D test functions: Rosenbrock, Beale, Himmelblau, saddle. */
public final class Functions2D {
    private Functions2D() {
    }

    /** f = (a − x)² + b(y − x²)²; minimum (a, a²). */
    public record Rosenbrock(double a, double b) implements Landscape {
        @Override
        public int dim() {
            return 2;
        }

        @Override
        public String displayName() {
            return "Rosenbrock (a=" + Quadratic.fmt(a) + ", b=" + Quadratic.fmt(b) + ")";
        }

        @Override
        public double value(double[] p) {
            double x = p[0];
            double y = p[1];
            double u = a - x;
            double w = y - x * x;
            return u * u + b * w * w;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            double u = a - x;
            double w = y - x * x;
            g[0] = -2 * u - 4 * b * x * w;
            g[1] = 2 * b * w;
            return u * u + b * w * w;
        }

        @Override
        public double[][] hessian(double[] p) {
            double x = p[0];
            double y = p[1];
            return new double[][]{
                    {2 - 4 * b * y + 12 * b * x * x, -4 * b * x},
                    {-4 * b * x, 2 * b}};
        }

        @Override
        public List<Minimum> minima() {
            return List.of(new Minimum(new double[]{a, a * a}, 0));
        }

        @Override
        public ViewBox viewBox() {
            return new ViewBox(a - 3, a + 1.5, a * a - 2, a * a + 3);
        }

        @Override
        public double[] defaultStart() {
            return new double[]{-1.5, 2};
        }
    }

    /** f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²; minimum (3, 0.5). */
    public record Beale() implements Landscape {
        @Override
        public int dim() {
            return 2;
        }

        @Override
        public String displayName() {
            return "Beale";
        }

        @Override
        public double value(double[] p) {
            double x = p[0];
            double y = p[1];
            double t1 = 1.5 - x + x * y;
            double t2 = 2.25 - x + x * y * y;
            double t3 = 2.625 - x + x * y * y * y;
            return t1 * t1 + t2 * t2 + t3 * t3;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            double y2 = y * y;
            double y3 = y2 * y;
            double t1 = 1.5 - x + x * y;
            double t2 = 2.25 - x + x * y2;
            double t3 = 2.625 - x + x * y3;
            g[0] = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1);
            g[1] = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2;
            return t1 * t1 + t2 * t2 + t3 * t3;
        }

        @Override
        public List<Minimum> minima() {
            return List.of(new Minimum(new double[]{3, 0.5}, 0));
        }

        @Override
        public ViewBox viewBox() {
            return new ViewBox(-4.5, 4.5, -4.5, 4.5);
        }

        @Override
        public double[] defaultStart() {
            return new double[]{1, 1.5};
        }
    }

    /** f = (x² + y − 11)² + (x + y² − 7)²; four minima with value 0. */
    public record Himmelblau() implements Landscape {
        private static final List<Minimum> MINIMA = List.of(
                refine(3, 2), refine(-2.805118, 3.131312), refine(-3.779310, -3.283186), refine(3.584428, -1.848126));

        @Override
        public int dim() {
            return 2;
        }

        @Override
        public String displayName() {
            return "Himmelblau";
        }

        @Override
        public double value(double[] p) {
            double u = p[0] * p[0] + p[1] - 11;
            double w = p[0] + p[1] * p[1] - 7;
            return u * u + w * w;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            double u = x * x + y - 11;
            double w = x + y * y - 7;
            g[0] = 4 * x * u + 2 * w;
            g[1] = 2 * u + 4 * y * w;
            return u * u + w * w;
        }

        @Override
        public double[][] hessian(double[] p) {
            double x = p[0];
            double y = p[1];
            return new double[][]{
                    {12 * x * x + 4 * y - 42, 4 * x + 4 * y},
                    {4 * x + 4 * y, 12 * y * y + 4 * x - 26}};
        }

        /** Newton iterations from an approximate minimum, so the stored points are stationary to 1e-12. */
        private static Minimum refine(double x, double y) {
            Himmelblau h = new Himmelblau();
            double[] p = {x, y};
            double[] g = new double[2];
            for (int i = 0; i < 20; i++) {
                h.valueAndGradient(p, g);
                double[][] m = h.hessian(p);
                double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
                double dx = (m[1][1] * g[0] - m[0][1] * g[1]) / det;
                double dy = (m[0][0] * g[1] - m[1][0] * g[0]) / det;
                p[0] -= dx;
                p[1] -= dy;
            }
            return new Minimum(p, h.value(p));
        }

        @Override
        public List<Minimum> minima() {
            return MINIMA;
        }

        @Override
        public ViewBox viewBox() {
            return new ViewBox(-5, 5, -5, 5);
        }

        @Override
        public double[] defaultStart() {
            return new double[]{-0.5, -0.5};
        }
    }

    /** f = x² − y²: a saddle at the origin, no minimum. */
    public record Saddle() implements Landscape {
        @Override
        public int dim() {
            return 2;
        }

        @Override
        public String displayName() {
            return "Saddle x² − y²";
        }

        @Override
        public double value(double[] p) {
            return p[0] * p[0] - p[1] * p[1];
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            g[0] = 2 * p[0];
            g[1] = -2 * p[1];
            return p[0] * p[0] - p[1] * p[1];
        }

        @Override
        public double[][] hessian(double[] p) {
            return new double[][]{{2, 0}, {0, -2}};
        }

        @Override
        public List<Minimum> minima() {
            return List.of();
        }

        @Override
        public ViewBox viewBox() {
            return new ViewBox(-2.5, 2.5, -2.5, 2.5);
        }

        @Override
        public double[] defaultStart() {
            return new double[]{2, 0.01};
        }
    }
}
