package dev.lrlab.core.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LandscapeTest {

    static Stream<Arguments> landscapes() {
        return Stream.of(
                Arguments.of("quadratic diag", Quadratic.diagonal(1, 10)),
                Arguments.of("quadratic rotated", Quadratic.rotated(1, 10, 30)),
                Arguments.of("quadratic 1-D", Quadratic.diagonal(2)),
                Arguments.of("quadratic dense 3-D", Quadratic.dense(new double[][]{{2, 1, 0}, {1, 3, -1}, {0, -1, 4}})),
                Arguments.of("rosenbrock", new Functions2D.Rosenbrock(1, 100)),
                Arguments.of("beale", new Functions2D.Beale()),
                Arguments.of("himmelblau", new Functions2D.Himmelblau()),
                Arguments.of("saddle", new Functions2D.Saddle()),
                Arguments.of("rastrigin 3-D", new Rastrigin(3, 10)),
                Arguments.of("double well", new DoubleWell(1, 0.3)),
                Arguments.of("flat/sharp", FlatSharp.defaults()),
                Arguments.of("linear regression", new LinearRegression(50, 3, new double[]{1, 2, 0.5}, 0.1, 1)),
                Arguments.of("non-stationary", new NonStationary(new Functions2D.Rosenbrock(1, 100), 5, 10)),
                Arguments.of("bilinear", new Games.Bilinear()),
                Arguments.of("quadratic game", new Games.QuadraticGame(0.5, 1, 0.3)));
    }

    private static double[] point(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1.7, 1.7);
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void gradientMatchesCentralDifferences(String name, Landscape l) {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = point(l.dim(), seed);
            double[] g = new double[l.dim()];
            double f = l.valueAndGradient(x, g);
            assertEquals(l.value(x), f, 1e-12 * Math.max(1, Math.abs(f)), name + " value");
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double fd = (l.value(xp) - l.value(xm)) / (2 * h);
                assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), name + " ∂f/∂x" + i + " at seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void hessianMatchesDifferencesAndHvp(String name, Landscape l) {
        double[] x = point(l.dim(), 11);
        double[][] h = l.hessian(x);
        int n = l.dim();
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        for (int j = 0; j < n; j++) {
            double e = 1e-5;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += e;
            xm[j] -= e;
            l.valueAndGradient(xp, g1);
            l.valueAndGradient(xm, g2);
            for (int i = 0; i < n; i++) {
                double fd = (g1[i] - g2[i]) / (2 * e);
                assertEquals(fd, h[i][j], 1e-4 * Math.max(1, Math.abs(fd)), name + " H[" + i + "][" + j + "]");
            }
        }
        double[] v = point(n, 12);
        double[] hv = new double[n];
        l.hessianVectorProduct(x, v, hv, new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[i][j] * v[j];
            }
            assertEquals(s, hv[i], 1e-4 * Math.max(1, Math.abs(s)), name + " Hv[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void minimaAreStationaryWithTheirValue(String name, Landscape l) {
        for (Landscape.Minimum m : l.minima()) {
            double[] g = new double[l.dim()];
            double f = l.valueAndGradient(m.point(), g);
            assertEquals(f, m.value(), 1e-12, name);
            for (double gi : g) {
                assertEquals(0, gi, 1e-7, name + " gradient at minimum " + java.util.Arrays.toString(m.point()));
            }
        }
        assertEquals(l.dim(), l.defaultStart().length, name + " default start");
    }

    @Test
    void knownMinimaAndCounts() {
        assertEquals(4, new Functions2D.Himmelblau().minima().size());
        assertArrayEquals(new double[]{3, 0.5}, new Functions2D.Beale().minima().get(0).point());
        assertTrue(new Functions2D.Saddle().minima().isEmpty());
        List<Landscape.Minimum> wells = new DoubleWell(1, 0.3).minima();
        assertEquals(2, wells.size());
        // b > 0 tilts: the left well is deeper (S25)
        assertTrue(wells.get(0).point()[0] < 0 && wells.get(1).point()[0] > 0);
        assertTrue(wells.get(0).value() < wells.get(1).value());
        FlatSharp fs = FlatSharp.defaults();
        assertEquals(2, fs.minima().size());
    }

    @Test
    void quadraticHessianIsA() {
        double[][] a = {{2, 1}, {1, 3}};
        assertArrayEquals(a[0], Quadratic.dense(a).hessian(new double[]{5, -7})[0]);
        assertArrayEquals(a[1], Quadratic.dense(a).hessian(new double[]{5, -7})[1]);
        // rotated by 90°: eigenvalue 1 now along y
        double[][] r = Quadratic.rotated(1, 10, 90).hessian(new double[2]);
        assertEquals(10, r[0][0], 1e-12);
        assertEquals(1, r[1][1], 1e-12);
        assertEquals(0, r[0][1], 1e-12);
    }

    @Test
    void rosenbrockHessianAtMinimum() {
        double[][] h = new Functions2D.Rosenbrock(1, 100).hessian(new double[]{1, 1});
        assertArrayEquals(new double[]{802, -400}, h[0], 1e-12);
        assertArrayEquals(new double[]{-400, 200}, h[1], 1e-12);
    }

    @Test
    void linearRegressionHessianIsXtXOverN() {
        // with feature scales (1, 3) the Hessian equals the sample second moments; check against an
        // independent recomputation from the gradients at two points (the gradient is affine: H = Δg/Δθ)
        LinearRegression lr = new LinearRegression(400, 2, new double[]{1, 3}, 0.1, 5);
        double[][] h = lr.hessian(new double[2]);
        double[] g0 = new double[2];
        double[] g1 = new double[2];
        lr.valueAndGradient(new double[]{0, 0}, g0);
        lr.valueAndGradient(new double[]{1, 0}, g1);
        assertEquals(g1[0] - g0[0], h[0][0], 1e-12);
        assertEquals(g1[1] - g0[1], h[1][0], 1e-12);
        // S2: scaling feature 2 by 3 multiplies its diagonal entry by ≈ 9 (E[x²] = s²)
        assertEquals(9, h[1][1], 1.5);
        assertEquals(1, h[0][0], 0.2);
        assertEquals(h[0][1], h[1][0], 0);
        // minimum is the least-squares solution: stationary, close to the true weights (noise 0.1)
        double[] w = lr.minima().get(0).point();
        assertArrayEquals(lr.trueWeights(), w, 0.05);
    }

    @Test
    void minibatchGradientIsUnbiasedAndSeeded() {
        LinearRegression lr = new LinearRegression(100, 2, new double[]{1, 1}, 0.1, 3);
        double[] x = {0.5, -0.5};
        double[] full = new double[2];
        lr.valueAndGradient(x, full);
        SplittableRandom rng = new SplittableRandom(9);
        double[] g = new double[2];
        double[] mean = new double[2];
        int trials = 20000;
        for (int k = 0; k < trials; k++) {
            lr.minibatchGradient(x, g, rng, 4);
            mean[0] += g[0] / trials;
            mean[1] += g[1] / trials;
        }
        assertArrayEquals(full, mean, 0.02);
        double[] a = new double[2];
        double[] b = new double[2];
        lr.minibatchGradient(x, a, new SplittableRandom(1), 8);
        lr.minibatchGradient(x, b, new SplittableRandom(1), 8);
        assertArrayEquals(a, b, 0);
    }

    @Test
    void nonStationaryScalesFromAtStep() {
        NonStationary ns = new NonStationary(Quadratic.diagonal(1, 10), 5, 10);
        double[] x = {1, 1};
        double[] g = new double[2];
        assertEquals(5.5, ns.valueAndGradientAt(x, g, 4), 1e-12);
        assertArrayEquals(new double[]{1, 10}, g, 1e-12);
        assertEquals(55, ns.valueAndGradientAt(x, g, 5), 1e-12);
        assertArrayEquals(new double[]{10, 100}, g, 1e-12);
    }

    @Test
    void flatSharpTestLossFavoursTheFlatMinimum() {
        FlatSharp fs = FlatSharp.defaults();
        Landscape test = fs.testLandscape();
        Landscape.Minimum flat = fs.minima().get(0);
        Landscape.Minimum sharp = fs.minima().get(1);
        assertTrue(sharp.value() < flat.value(), "sharp is deeper on train");
        assertTrue(test.value(flat.point()) < test.value(sharp.point()), "flat is better on test");
        double sharpLambda = fs.hessian(sharp.point())[0][0];
        assertTrue(sharpLambda > 40, "sharp curvature " + sharpLambda);
        assertFalse(fs.hessian(flat.point())[0][0] > 2);
    }
}
