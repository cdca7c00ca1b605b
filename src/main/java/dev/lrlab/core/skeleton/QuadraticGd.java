package dev.lrlab.core.skeleton;

import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * Gradient descent on f(θ) = ½ θᵀAθ (the walking skeleton's first slice, S1). Replaced by the
 * general engine once it lands.
 */
public final class QuadraticGd {

    private final double[][] a;
    private final double[] theta;
    private final double[] grad;
    private final double lr;
    private int step;

    public QuadraticGd(double[][] a, double[] start, double lr) {
        this.a = a;
        this.theta = start.clone();
        this.grad = new double[start.length];
        this.lr = lr;
    }

    public int step() {
        return step;
    }

    public double loss() {
        double f = 0;
        for (int i = 0; i < theta.length; i++) {
            for (int j = 0; j < theta.length; j++) {
                f += 0.5 * theta[i] * a[i][j] * theta[j];
            }
        }
        return f;
    }

    /** One update θ ← θ − η A θ. */
    public void advance() {
        for (int i = 0; i < theta.length; i++) {
            double g = 0;
            for (int j = 0; j < theta.length; j++) {
                g += a[i][j] * theta[j];
            }
            grad[i] = g;
        }
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr * grad[i];
        }
        step++;
    }

    /** Largest eigenvalue of the (symmetric) Hessian A. */
    public static double lambdaMax(double[][] a) {
        SimpleEVD<SimpleMatrix> evd = new SimpleMatrix(a).eig();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < evd.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, evd.getEigenvalue(i).getReal());
        }
        return max;
    }
}
