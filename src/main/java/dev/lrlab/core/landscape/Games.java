package dev.lrlab.core.landscape;

import java.util.List;

/**
 * Two-player zero-sum games on (x, y): x minimises f, y maximises f (S29). The gradient returned is
 * the plain gradient of f, (∂f/∂x, ∂f/∂y); the engine makes y ascend. The equilibrium (0, 0) is
 * reported as the single "minimum".
 */
public final class Games {
    private Games() {
    }

    /** What every game here shares: x is coordinate 0, y coordinate 1, equilibrium at the origin. */
    interface TwoPlayer extends Landscape {
        @Override
        default int dim() {
            return 2;
        }

        @Override
        default List<Minimum> minima() {
            return List.of(new Minimum(new double[]{0, 0}, 0));
        }

        @Override
        default ViewBox viewBox() {
            return new ViewBox(-3, 3, -3, 3);
        }

        @Override
        default double[] defaultStart() {
            return new double[]{1, 1};
        }

        @Override
        default int gameSplit() {
            return 1;
        }
    }

    /** f = x·y. */
    public record Bilinear() implements TwoPlayer {
        @Override
        public String displayName() {
            return "Bilinear game f = xy (x minimises, y maximises)";
        }

        @Override
        public double value(double[] p) {
            return p[0] * p[1];
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            g[0] = p[1];
            g[1] = p[0];
            return p[0] * p[1];
        }

        @Override
        public double[][] hessian(double[] p) {
            return new double[][]{{0, 1}, {1, 0}};
        }
    }

    /** f = a/2·x² + b·xy − c/2·y². */
    public record QuadraticGame(double a, double b, double c) implements TwoPlayer {
        @Override
        public String displayName() {
            return "Quadratic game f = " + Quadratic.fmt(a) + "/2·x² + " + Quadratic.fmt(b) + "·xy − "
                    + Quadratic.fmt(c) + "/2·y²";
        }

        @Override
        public double value(double[] p) {
            return 0.5 * a * p[0] * p[0] + b * p[0] * p[1] - 0.5 * c * p[1] * p[1];
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            g[0] = a * p[0] + b * p[1];
            g[1] = b * p[0] - c * p[1];
            return 0.5 * a * p[0] * p[0] + b * p[0] * p[1] - 0.5 * c * p[1] * p[1];
        }

        @Override
        public double[][] hessian(double[] p) {
            return new double[][]{{a, b}, {b, -c}};
        }
    }
}
