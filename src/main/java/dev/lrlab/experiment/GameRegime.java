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
     * game with one coordinate per player, or an update other than simultaneous / alternating
     * plain steps.
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
            default -> {
                return null;
            }
        }
        double tr = m00 + m11;
        double det = m00 * m11 - m01 * m10;
        double disc = tr * tr / 4 - det;
        boolean spiral = disc < 0;
        double rho = spiral ? Math.sqrt(Math.max(0, det))
                : Math.max(Math.abs(tr / 2 + Math.sqrt(disc)), Math.abs(tr / 2 - Math.sqrt(disc)));
        Kind kind = Math.abs(rho - 1) <= CYCLE_TOLERANCE ? Kind.CYCLES : rho < 1 ? Kind.CONVERGES : Kind.DIVERGES;
        return new GameRegime(kind, rho, spiral);
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
