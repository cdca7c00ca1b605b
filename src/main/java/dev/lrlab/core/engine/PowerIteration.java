package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.work.WorkGuard;

/** The largest-magnitude Hessian eigenvalue by power iteration on Hessian-vector products. */
final class PowerIteration {

    private PowerIteration() {}

    /**
     * Runs {@code iterations} steps from the unit vector {@code v} (updated in place, so a caller
     * can warm-start the next estimate) and returns the last Rayleigh quotient vᵀHv. Allocates
     * nothing: {@code hv}, {@code xTmp}, {@code gTmp} are scratch of the landscape's dimension.
     */
    static double estimate(Landscape l, double[] at, double[] v, int iterations, double[] hv, double[] xTmp,
                           double[] gTmp) {
        int n = l.dim();
        double lambda = 0;
        // a product on a tiny landscape costs tens of ns: check the guard every 64 of them there
        int checkMask = n >= 64 ? 0 : 63;
        for (int k = 0; k < iterations; k++) {
            if ((k & checkMask) == 0) {
                WorkGuard.check();
            }
            l.hessianVectorProduct(at, v, hv, xTmp, gTmp);
            double dot = 0;
            double hn = 0;
            for (int i = 0; i < n; i++) {
                dot += v[i] * hv[i];
                hn += hv[i] * hv[i];
            }
            lambda = dot;
            hn = Math.sqrt(hn);
            if (!(hn > 0) || !Double.isFinite(hn)) {
                break;
            }
            for (int i = 0; i < n; i++) {
                v[i] = hv[i] / hn;
            }
        }
        return lambda;
    }
}
