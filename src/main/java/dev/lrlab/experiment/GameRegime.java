package dev.lrlab.experiment;

import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;

/**
 * What plain gradient play does near a two-player game's start (S29). The GD badge of a
 * minimisation (ηλmax &lt; 2) says nothing here: on f = xy the Hessian's eigenvalues are ±1, yet
 * simultaneous steps spiral out for every η. The verdict is the spectral radius ρ of the linear
 * update map θ ← Mθ around θ₀ (exact for bilinear and quadratic games): x descends, y ascends,
 * with J = [[a, b], [−b, −c]] from the Hessian [[a, b], [b, c]].
 * <ul>
 *   <li>simultaneous: M = I − diag(ηx, ηy)·J;</li>
 *   <li>alternating: x moves first, y answers at the new x, so M's second row sees x'.</li>
 *   <li>extragradient: a look-ahead step, then the step from θ with the look-ahead's gradient:
 *       with A = I − M_simultaneous, M = I − A + A².</li>
 *   <li>optimistic: θ' = θ − 2Aθ + Aθ₋₁ remembers one step, so ρ is the largest |λ| over the
 *       roots of λ² − (1 − 2μ)λ − μ = 0 for each eigenvalue μ of A.</li>
 * </ul>
 *
 * @param kind   converges (ρ &lt; 1), cycles (ρ = 1 within rounding) or diverges (ρ &gt; 1)
 * @param radius ρ
 * @param spiral M has complex eigenvalues: the play rotates around the equilibrium
 */
public record GameRegime(Kind kind, double radius, boolean spiral) {

    public enum Kind { CONVERGES, CYCLES, DIVERGES }

    /** ρ this close to 1 counts as a cycle (alternating play on f = xy has ρ = 1 exactly). */
    private static final double CYCLE_TOLERANCE = 1e-9;
    private static final double H = 1e-5;

    /**
     * The regime of run {@code cfg}, or null when the linear picture does not apply: not a 2-D
     * game with one coordinate per player, or a player with momentum.
     */
    public static GameRegime of(Landscape l, RunConfig cfg) {
        if (!l.isGame() || l.dim() != 2 || l.gameSplit() != 1 || cfg.gameMethod() == null) {
            return null;
        }
        if (cfg.momentumBeta() != null && cfg.momentumBeta() != 0) {
            return null;
        }
        double ex = cfg.schedule().lr(0);
        double ey = (cfg.ySchedule() != null ? cfg.ySchedule() : cfg.schedule()).lr(0);
        double[][] hs = hessian(l, cfg.start());
        double a = hs[0][0];
        double b = 0.5 * (hs[0][1] + hs[1][0]);
        double c = hs[1][1];
        double m00;
        double m01;
        double m10;
        double m11;
        switch (cfg.gameMethod()) {
            case SIMULTANEOUS -> {
                m00 = 1 - ex * a;
                m01 = -ex * b;
                m10 = ey * b;
                m11 = 1 + ey * c;
            }
            case ALTERNATING -> {
                m00 = 1 - ex * a;
                m01 = -ex * b;
                // y' = y + ηy(b·x' + c·y) with x' = m00·x + m01·y
                m10 = ey * b * m00;
                m11 = 1 + ey * c + ey * b * m01;
            }
            case EXTRAGRADIENT -> {
                double[] a2 = square(ex * a, ex * b, -ey * b, -ey * c);
                m00 = 1 - ex * a + a2[0];
                m01 = -ex * b + a2[1];
                m10 = ey * b + a2[2];
                m11 = 1 + ey * c + a2[3];
            }
            case OPTIMISTIC -> {
                return optimistic(ex * a, ex * b, -ey * b, -ey * c);
            }
            default -> {
                return null;
            }
        }
        return ofMap(m00, m01, m10, m11);
    }

    private static GameRegime ofMap(double m00, double m01, double m10, double m11) {
        double tr = m00 + m11;
        double det = m00 * m11 - m01 * m10;
        double disc = tr * tr / 4 - det;
        boolean spiral = disc < 0;
        double rho = spiral ? Math.sqrt(Math.max(0, det))
                : Math.max(Math.abs(tr / 2 + Math.sqrt(disc)), Math.abs(tr / 2 - Math.sqrt(disc)));
        return new GameRegime(kind(rho), rho, spiral);
    }

    private static Kind kind(double rho) {
        return Math.abs(rho - 1) <= CYCLE_TOLERANCE ? Kind.CYCLES : rho < 1 ? Kind.CONVERGES : Kind.DIVERGES;
    }

    /** [[p, q], [r, s]]² in row order. */
    private static double[] square(double p, double q, double r, double s) {
        return new double[]{p * p + q * r, p * q + q * s, r * p + s * r, r * q + s * s};
    }

    /** Optimistic play with A = [[p, q], [r, s]]: the two-step recurrence per eigenvalue μ of A. */
    private static GameRegime optimistic(double p, double q, double r, double s) {
        double[] disc = csqrt((p - s) * (p - s) / 4 + q * r, 0);
        double rho = 0;
        boolean spiral = false;
        for (int sign = -1; sign <= 1; sign += 2) {
            double mr = (p + s) / 2 + sign * disc[0];
            double mi = sign * disc[1];
            // λ = ((1 − 2μ) ± √((1 − 2μ)² + 4μ)) / 2
            double br = 1 - 2 * mr;
            double bi = -2 * mi;
            double[] root = csqrt(br * br - bi * bi + 4 * mr, 2 * br * bi + 4 * mi);
            for (int k = -1; k <= 1; k += 2) {
                double lr = (br + k * root[0]) / 2;
                double li = (bi + k * root[1]) / 2;
                rho = Math.max(rho, Math.hypot(lr, li));
                spiral |= Math.abs(li) > CYCLE_TOLERANCE;
            }
        }
        return new GameRegime(kind(rho), rho, spiral);
    }

    /** The principal square root of re + i·im as {re, im}. */
    private static double[] csqrt(double re, double im) {
        double m = Math.hypot(re, im);
        double r = Math.sqrt(Math.max(0, (m + re) / 2));
        double i = Math.sqrt(Math.max(0, (m - re) / 2));
        return new double[]{r, im < 0 ? -i : i};
    }

    /** The 2×2 Hessian at θ by central differences of the gradient (exact for quadratic games). */
    private static double[][] hessian(Landscape l, double[] at) {
        double[][] out = new double[2][2];
        double[] gp = new double[2];
        double[] gm = new double[2];
        for (int j = 0; j < 2; j++) {
            double[] p = at.clone();
            double[] m = at.clone();
            double h = H * Math.max(1, Math.abs(at[j]));
            p[j] += h;
            m[j] -= h;
            l.valueAndGradient(p, gp);
            l.valueAndGradient(m, gm);
            for (int i = 0; i < 2; i++) {
                out[i][j] = (gp[i] - gm[i]) / (2 * h);
            }
        }
        return out;
    }
}
