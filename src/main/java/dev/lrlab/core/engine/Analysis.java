package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.landscape.Quadratic;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Curvature analysis (S1, S3, S6): usable before a run (the UI shows it next to the form) and
 * after it. All fields are finite numbers or null (JSON-friendly).
 */
public final class Analysis {
    /** Up to this dimension the full Hessian is decomposed (EJML symmetric eigen-decomposition). */
    public static final int MAX_DENSE_DIM = 256;

    /** Power iterations for λmax above {@link #MAX_DENSE_DIM}. */
    public static final int POWER_ITERATIONS = 100;

    private Analysis() {
    }

    /**
     * Unit operations of {@link #hessian} on {@code l} (for the server's cost estimate): a diagonal
     * quadratic reads its entries; up to {@link #MAX_DENSE_DIM} the dense Hessian plus its symmetric
     * eigen-decomposition (about 3·d³); above, {@link #POWER_ITERATIONS} Hessian-vector products.
     */
    public static double cost(Landscape l) {
        double d = l.dim();
        if (l instanceof Quadratic q && q.isDiagonal()) {
            return 4 * d * (1 + Math.log(d + 1));
        }
        if (d <= MAX_DENSE_DIM) {
            return l.hessianCost() + 3 * d * d * d;
        }
        return POWER_ITERATIONS * (l.hessianVectorCost() + 4 * d);
    }

    /**
     * Hessian spectrum at a point.
     *
     * @param eigenvalues     ascending; null when dim &gt; {@link #MAX_DENSE_DIM} (unless diagonal)
     * @param lambdaMax       largest eigenvalue (for big non-diagonal landscapes: the power-iteration
     *                        estimate of the largest-magnitude eigenvalue)
     * @param lambdaMin       smallest eigenvalue, null when unknown
     * @param conditionNumber λmax/λmin when both are &gt; 0, else null
     * @param stableLr        2/λmax when λmax &gt; 0 (GD's stability edge), else null
     */
    public record Hessian(double[] eigenvalues, Double lambdaMax, Double lambdaMin, Double conditionNumber,
                          Double stableLr) {
    }

    /**
     * What the UI shows before Run.
     *
     * @param lr                 the first lr
     * @param lrTimesLambdaMax   ηλmax (&lt; 2 for GD stability)
     * @param contractionFactors |1 − ηλi| per eigendirection (ascending λ), null when unknown
     * @param effectiveLr        η/(1−β) for momentum optimizers (S6), else null
     */
    public record Preview(Hessian hessian, double lr, Double lrTimesLambdaMax, double[] contractionFactors,
                          Double momentum, Double effectiveLr) {
    }

    public static Preview preview(Landscape l, double[] at, double lr, Double beta) {
        return preview(hessian(l, at), lr, beta);
    }

    /** The preview from a Hessian analysis already made at the same point (no second analysis). */
    public static Preview preview(Hessian h, double lr, Double beta) {
        double[] cf = null;
        if (h.eigenvalues() != null) {
            cf = new double[h.eigenvalues().length];
            for (int i = 0; i < cf.length; i++) {
                cf[i] = Math.abs(1 - lr * h.eigenvalues()[i]);
            }
            cf = finiteOrNull(cf);
        }
        Double eff = beta == null || beta >= 1 ? null : lr / (1 - beta);
        return new Preview(h, lr, h.lambdaMax() == null ? null : finite(lr * h.lambdaMax()), cf, beta, eff);
    }

    public static Hessian hessian(Landscape l, double[] at) {
        int n = l.dim();
        double[] ev = null;
        if (l instanceof Quadratic q && q.isDiagonal()) {
            ev = q.diagonalEntries();
            Arrays.sort(ev);
        } else if (n <= MAX_DENSE_DIM) {
            double[][] dense = l.hessian(at);
            dev.lrlab.core.work.WorkGuard.check();
            ev = symmetricEigenvalues(dense);
        }
        if (ev != null) {
            double max = ev[ev.length - 1];
            double min = ev[0];
            return new Hessian(n <= MAX_DENSE_DIM ? ev : null, max, min, min > 0 ? finite(max / min) : null,
                    max > 0 ? finite(2 / max) : null);
        }
        Double lmax = powerIteration(l, at, POWER_ITERATIONS);
        return new Hessian(null, lmax, null, null, lmax != null && lmax > 0 ? finite(2 / lmax) : null);
    }

    /** Ascending eigenvalues of a symmetric matrix, or null when it has non-finite entries. */
    public static double[] symmetricEigenvalues(double[][] h) {
        int n = h.length;
        for (double[] row : h) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        if (n == 1) {
            return new double[]{h[0][0]};
        }
        DMatrixRMaj m = new DMatrixRMaj(h);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            return null;
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(ev);
        return finiteOrNull(ev);
    }

    /** Largest-magnitude Hessian eigenvalue by power iteration on Hessian-vector products. */
    public static Double powerIteration(Landscape l, double[] at, int iterations) {
        int n = l.dim();
        double[] v = new double[n];
        Arrays.fill(v, 1 / Math.sqrt(n));
        return finite(PowerIteration.estimate(l, at, v, iterations, new double[n], new double[n], new double[n]));
    }

    static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static double[] finiteOrNull(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return a;
    }
}
