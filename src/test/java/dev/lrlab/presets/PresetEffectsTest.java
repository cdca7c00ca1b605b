package dev.lrlab.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.spec.ExperimentCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every preset compiles, is well-formed, and shows the effect it claims, in numbers. */
class PresetEffectsTest {

    static final PresetCatalog CATALOG = PresetCatalog.standard();

    static ExperimentResult run(Map<String, Object> spec) {
        return ExperimentRunner.run(new ExperimentCompiler().compile(spec));
    }

    static double meanTail(double[] a, int n) {
        double s = 0;
        for (int i = a.length - n; i < a.length; i++) {
            s += a[i];
        }
        return s / n;
    }

    static double[] last(RunResult r) {
        return r.theta()[r.theta().length - 1];
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static int rowOf(RunResult r, int step) {
        for (int i = 0; i < r.steps().length; i++) {
            if (r.steps()[i] == step) {
                return i;
            }
        }
        throw new AssertionError("no row for step " + step);
    }

    /** The effect each preset claims, asserted on its own spec. */
    static final Map<String, Consumer<ExperimentResult>> EFFECTS = new LinkedHashMap<>();

    static {
        EFFECTS.put("s1-stability-edge", res -> {
            RunResult ok = res.runs().get(0);
            RunResult bad = res.runs().get(1);
            assertThat(ok.status()).isEqualTo("completed");
            assertThat(ok.analysis().finalLoss()).isLessThan(1e-8);
            assertThat(ok.analysis().preview().lrTimesLambdaMax()).isCloseTo(1.9, within(1e-12));
            assertThat(bad.analysis().preview().lrTimesLambdaMax()).isCloseTo(2.1, within(1e-12));
            assertThat(bad.analysis().finalLoss()).isGreaterThan(1e6);
            assertThat(bad.status()).isEqualTo("diverged");
            assertThat(bad.divergedAtStep()).isBetween(280, 300);
        });
        EFFECTS.put("s1-worked-example", res -> {
            double[] th = new double[5];
            for (int i = 0; i < 5; i++) {
                th[i] = res.runs().get(0).theta()[i][0];
            }
            assertThat(th).containsExactly(new double[]{2, 1.6, 1.28, 1.024, 0.8192}, within(1e-12));
            assertThat(res.runs().get(1).theta()[1][0]).isEqualTo(0.0);
            RunResult osc = res.runs().get(2);
            assertThat(osc.theta()[1][0]).isCloseTo(-1.6, within(1e-12));
            assertThat(Math.abs(last(osc)[0])).isLessThan(0.1);
            RunResult grow = res.runs().get(3);
            assertThat(grow.theta()[1][0]).isCloseTo(-2.4, within(1e-12));
            assertThat(Math.abs(last(grow)[0])).isGreaterThan(2 * Math.pow(1.2, 19));
        });
        EFFECTS.put("s2-feature-scaling", res -> {
            RunResult big = res.runs().get(0);
            RunResult small = res.runs().get(1);
            double lmax = big.analysis().start().lambdaMax();
            assertThat(lmax).isGreaterThan(6).isLessThan(14); // ≈ 9 × the unscaled ≈ 1
            assertThat(0.5 * lmax).isGreaterThan(2);
            assertThat(big.status()).isEqualTo("diverged");
            assertThat(small.status()).isEqualTo("completed");
            double min = res.minima().get(0).value();
            assertThat(small.analysis().finalLoss() - min).isLessThan(1e-3);
        });
        EFFECTS.put("s3-condition-number", res -> {
            RunResult zz = res.runs().get(0);
            for (int i = 1; i <= 20; i++) {
                assertThat(Math.signum(zz.theta()[i][1])).isEqualTo(-Math.signum(zz.theta()[i - 1][1]));
            }
            assertThat(last(zz)[0] / 4).isCloseTo(Math.pow(0.981, 100), within(1e-9)).isGreaterThan(0.1);
            RunResult one = res.runs().get(1);
            assertThat(one.theta()[1][1]).isCloseTo(0, within(1e-12));
            assertThat(last(one)[0]).isGreaterThan(last(zz)[0]);
        });
        EFFECTS.put("s4-minibatch-noise", res -> {
            double b1 = meanTail(res.runs().get(0).loss(), 1000);
            double b4 = meanTail(res.runs().get(1).loss(), 1000);
            double b16 = meanTail(res.runs().get(2).loss(), 1000);
            // stationary E[f] = d·ησ²/(2B·(2−ηλ)) = 0.0526/B
            assertThat(b1).isCloseTo(0.0526, within(0.02));
            assertThat(b1 / b4).isBetween(2.5, 6.0);
            assertThat(b1 / b16).isBetween(9.0, 28.0);
        });
        EFFECTS.put("s5-batch-scaling-rules", res -> {
            double min = res.minima().get(0).value();
            double small = res.runs().get(0).analysis().finalLoss() - min;
            double linear = res.runs().get(1).analysis().finalLoss() - min;
            double sqrt = res.runs().get(2).analysis().finalLoss() - min;
            assertThat(linear / small).isBetween(0.5, 2.0);
            assertThat(sqrt / linear).isGreaterThan(2.0);
        });
        EFFECTS.put("s6-momentum-effective-lr", res -> {
            RunResult plain = res.runs().get(0);
            RunResult mom = res.runs().get(1);
            RunResult big = res.runs().get(2);
            assertThat(mom.analysis().preview().effectiveLr()).isCloseTo(0.1, within(1e-12));
            double dm = norm(last(mom));
            double db = norm(last(big));
            assertThat(dm / db).isBetween(1 / 1.5, 1.5);
            assertThat(norm(last(plain))).isGreaterThan(3 * dm);
        });
        EFFECTS.put("s7-gradient-clipping", res -> {
            assertThat(res.runs().get(0).status()).isEqualTo("diverged");
            RunResult c = res.runs().get(1);
            assertThat(c.status()).isEqualTo("completed");
            for (int i = 100; i < c.theta().length; i++) {
                assertThat(Math.abs(c.theta()[i][0])).isLessThanOrEqualTo(0.25 + 1e-9);
            }
            for (int i = 0; i < c.updateNorm().length; i++) {
                assertThat(c.updateNorm()[i]).isLessThanOrEqualTo(0.25 + 1e-9);
            }
        });
        EFFECTS.put("s8-momentum-reset-restarts", res -> {
            RunResult keep = res.runs().get(0);
            RunResult reset = res.runs().get(1);
            assertThat(keep.theta()[100]).containsExactly(reset.theta()[100], within(0.0));
            assertThat(keep.theta()[101][0]).isNotEqualTo(reset.theta()[101][0]);
            assertThat(keep.lr()[100]).isEqualTo(0.0005);
            assertThat(keep.lr()[99]).isLessThan(1e-6);
            // the card's numbers: the kept velocity at full speed at once, the reset one 10× slower
            assertThat(keep.updateNorm()[100]).isCloseTo(0.0084, within(0.0001));
            assertThat(reset.updateNorm()[100]).isCloseTo(0.00084, within(0.00001));
            assertThat(reset.updateNorm()[110] / keep.updateNorm()[110]).isBetween(0.5, 0.8);
            // and on this valley floor keeping it ends lower
            assertThat(keep.loss()[400]).isCloseTo(2.748, within(0.0005));
            assertThat(reset.loss()[400]).isCloseTo(3.236, within(0.0005));
        });
        EFFECTS.put("s9-adam-cycling-beta1", res -> {
            // a nearly constant gradient (≈ 0.1): with constant β1 Adam's step is exactly the lr
            RunResult fixed = res.runs().get(0);
            for (int i = 0; i < fixed.lr().length; i++) {
                assertThat(fixed.updateNorm()[i] / fixed.lr()[i]).isCloseTo(1.0, within(0.01));
            }
            // with β1 written by the schedule, m = (1 − Πβ1,k)·g but m̂ divides by 1 − β1,tᵗ
            double[][] betas = {{0.8, 0.9}, {0.5, 0.99}}; // (baseMomentum, maxMomentum) of runs 1, 2
            double[][] ratio = new double[3][];
            for (int k = 1; k <= 2; k++) {
                RunResult r = res.runs().get(k);
                double base = betas[k - 1][0];
                double top = betas[k - 1][1];
                ratio[k] = new double[r.lr().length];
                double prod = 1;
                for (int i = 0; i < r.lr().length; i++) {
                    double beta = top - (top - base) * (r.lr()[i] - 0.01) / (0.1 - 0.01); // β1 at Adam step i+1
                    prod *= beta;
                    double predicted = (1 - prod) / (1 - Math.pow(beta, i + 1));
                    ratio[k][i] = r.updateNorm()[i] / r.lr()[i];
                    assertThat(ratio[k][i] / predicted).as("run %d step %d", k, i).isCloseTo(1.0, within(0.01));
                }
                assertThat(ratio[k][0]).isCloseTo(1.0, within(1e-6)); // step 1 is still exact
            }
            double minDefault = 1;
            for (int i = 0; i < 10; i++) {
                minDefault = Math.min(minDefault, ratio[1][i]);
            }
            assertThat(minDefault).isBetween(0.87, 0.9); // up to 12% too small while β1 falls
            assertThat(ratio[1][20]).isBetween(1.07, 1.1); // 8% too large at the first lr trough
            for (int i = 50; i < ratio[1].length; i++) {
                assertThat(ratio[1][i]).isCloseTo(1.0, within(0.01)); // gone once 0.9ᵗ is small
            }
            assertThat(ratio[2][20]).isGreaterThan(5);
            assertThat(ratio[2][40]).isGreaterThan(2.8);
            assertThat(ratio[2][60]).isGreaterThan(2.1);
            assertThat(ratio[2][180]).isGreaterThan(1.15);
        });
        EFFECTS.put("s11-rmsprop-vs-adagrad-nonstationary", res -> {
            RunResult ada = res.runs().get(0);
            RunResult rms = res.runs().get(1);
            double adaBefore = ada.updateNorm()[99];
            double rmsBefore = rms.updateNorm()[99];
            assertThat(rms.updateNorm()[100] / rmsBefore).isLessThan(0.3); // the drop
            assertThat(rms.updateNorm()[150] / rmsBefore).isGreaterThan(0.5); // ≈ 5/(1−ρ) later
            assertThat(ada.updateNorm()[150] / adaBefore).isLessThan(0.2);
            assertThat(ada.updateNorm()[299] / adaBefore).isLessThan(0.2);
        });
        EFFECTS.put("s12-adadelta-no-global-lr", res -> {
            RunResult ada = res.runs().get(0);
            RunResult sgd = res.runs().get(1);
            // the first step is ≈ √ε/√(1−ρ) in both coordinates, whatever their curvature
            double first = Math.sqrt(1e-6 / 0.1);
            assertThat(ada.theta()[0][0] - ada.theta()[1][0]).isCloseTo(first, within(0.01 * first));
            assertThat(ada.theta()[0][1] - ada.theta()[1][1]).isCloseTo(first, within(0.01 * first));
            for (int i = 1; i <= 500; i++) {
                double[] th = ada.theta()[i];
                assertThat(Math.abs(th[0] - th[1])).as("step " + i).isLessThan(0.05 * th[0]);
            }
            assertThat(Math.abs(last(ada)[0])).isLessThan(0.02);
            assertThat(last(sgd)[0]).isGreaterThan(2.4);
            assertThat(ada.analysis().finalLoss()).isLessThan(sgd.analysis().finalLoss() / 20);
            assertThat(sgd.loss()[100]).isLessThan(ada.loss()[100] / 1000); // SGD is far ahead early on
            assertThat(res.runs().get(2).status()).isEqualTo("diverged");
        });
        EFFECTS.put("s13-adam-bias-correction", res -> {
            RunResult r = res.runs().get(0);
            assertThat(r.theta()[0][0] - r.theta()[1][0]).isCloseTo(0.1, within(1e-6));
            assertThat(r.theta()[0][1] - r.theta()[1][1]).isCloseTo(0.1, within(1e-9));
            assertThat(r.analysis().finalLoss()).isLessThan(r.loss()[0]);
        });
        EFFECTS.put("s15-float16-adam-eps", res -> {
            RunResult f64 = res.runs().get(0);
            RunResult bad = res.runs().get(1);
            RunResult good = res.runs().get(2);
            double maxBad = 0;
            for (double[] th : bad.theta()) {
                maxBad = Math.max(maxBad, Math.abs(th[0]));
            }
            assertThat(maxBad).isGreaterThan(5);
            for (double u : good.updateNorm()) {
                assertThat(u).isLessThanOrEqualTo(1.01 * 0.001 * Math.sqrt(2));
            }
            assertThat(good.analysis().finalLoss()).isLessThan(good.loss()[0]);
            assertThat(f64.analysis().finalLoss()).isLessThan(f64.loss()[0]);
        });
        EFFECTS.put("s14-adamw-vs-adam-l2", res -> {
            double[] a = last(res.runs().get(0));
            double[] w = last(res.runs().get(1));
            assertThat(Math.hypot(a[0] - w[0], a[1] - w[1])).isCloseTo(0.10, within(0.005));
            // Adam + L2 has stopped at the minimum of f + 0.05‖θ‖²: ∇f + 0.1·θ = 0
            double x = a[0], y = a[1];
            double gx = -2 * (1 - x) - 400 * x * (y - x * x) + 0.1 * x;
            double gy = 200 * (y - x * x) + 0.1 * y;
            assertThat(Math.hypot(gx, gy)).isLessThan(1e-9);
            assertThat(res.runs().get(0).updateNorm()[4999]).isLessThan(1e-12);
            // AdamW is still moving, further from the origin (nearer (1, 1))
            assertThat(res.runs().get(1).updateNorm()[4999]).isBetween(1e-5, 1e-4);
            assertThat(Math.hypot(a[0], a[1])).isCloseTo(1.184, within(0.0005));
            assertThat(Math.hypot(w[0], w[1])).isCloseTo(1.281, within(0.0005));
        });
        EFFECTS.put("s16-diagonal-preconditioning", res -> {
            double gd = res.runs().get(0).analysis().finalLoss();
            assertThat(res.runs().get(1).analysis().finalLoss()).isLessThan(gd / 10);
        });
        EFFECTS.put("s17-rollback", res -> {
            assertThat(res.runs().get(0).status()).isEqualTo("diverged");
            RunResult rb = res.runs().get(1);
            assertThat(rb.status()).isEqualTo("completed");
            assertThat(res.runs().get(0).divergedAtStep()).isEqualTo(20);
            assertThat(rb.analysis().rollbacks()).isEqualTo(2);
            assertThat(rb.analysis().finalLrMultiplier()).isEqualTo(0.25);
            assertThat(rb.analysis().finalLoss()).isLessThan(1e-6);
            // the check fires before anything grows: the loss never rises above its start
            double start = rb.loss()[0];
            for (double f : rb.loss()) {
                assertThat(f).isLessThanOrEqualTo(start);
            }
        });
        EFFECTS.put("s18-curvature-lr", res -> {
            RunResult small = res.runs().get(0);
            RunResult big = res.runs().get(1);
            RunResult curv = res.runs().get(2);
            assertThat(big.status()).isEqualTo("diverged");
            assertThat(curv.status()).isEqualTo("completed");
            assertThat(curv.analysis().finalLoss()).isLessThan(small.analysis().finalLoss() / 100);
        });
        EFFECTS.put("s19-decay-schedules", res -> {
            double constant = meanTail(res.runs().get(0).loss(), 100);
            for (int i = 1; i < 4; i++) {
                assertThat(meanTail(res.runs().get(i).loss(), 100)).as(res.runs().get(i).label())
                        .isLessThan(constant / 3);
            }
            assertThat(res.runs().get(1).lr()[200]).isCloseTo(0.03, within(1e-12));
            assertThat(res.runs().get(2).lr()[200]).isCloseTo(0.1 * Math.exp(-1), within(1e-12));
            assertThat(res.runs().get(3).lr()[200]).isCloseTo(0.1 / 5, within(1e-12));
        });
        EFFECTS.put("s20-cosine-annealing", res -> {
            assertThat(res.runs().get(1).lr()[300]).isCloseTo(0.05, within(1e-12));
            assertThat(res.runs().get(2).lr()[300]).isCloseTo(0.06, within(1e-12));
            assertThat(meanTail(res.runs().get(1).loss(), 50))
                    .isLessThan(meanTail(res.runs().get(0).loss(), 50) / 5);
        });
        EFFECTS.put("s21-sgdr-cycle-doubling", res -> {
            double[] lr = res.runs().get(0).lr();
            for (int s : new int[]{0, 50, 150, 350}) {
                assertThat(lr[s]).isCloseTo(0.1, within(1e-12));
                if (s > 0) {
                    assertThat(lr[s - 1]).isLessThan(0.001);
                }
            }
            assertThat(res.runs().get(1).lr()[100]).isCloseTo(0.1, within(1e-12));
        });
        EFFECTS.put("s22-cyclic-and-warmup", res -> {
            double[] c = res.runs().get(0).lr();
            for (int s : new int[]{0, 100, 200}) {
                assertThat(c[s]).isCloseTo(0.01, within(1e-12));
            }
            assertThat(c[50]).isCloseTo(0.1, within(1e-12));
            assertThat(c[150]).isCloseTo(0.1, within(1e-12));
            double[] w = res.runs().get(1).lr();
            assertThat(w[0]).isCloseTo(0.01, within(1e-12));
            assertThat(w[50]).isCloseTo(0.1, within(1e-12));
            assertThat(w[w.length - 1]).isLessThan(1e-5);
        });
        EFFECTS.put("s23-robbins-monro", res -> {
            for (int k = 0; k < 2; k++) {
                double[] lr = res.runs().get(k).lr();
                double s1 = 0, s2 = 0, q1 = 0, q2 = 0;
                for (int t = 0; t < lr.length; t++) {
                    if (t < lr.length / 2) {
                        s1 += lr[t];
                        q1 += lr[t] * lr[t];
                    } else {
                        s2 += lr[t];
                        q2 += lr[t] * lr[t];
                    }
                }
                assertThat(res.runs().get(k).analysis().lrSquaredSum()).isCloseTo(q1 + q2, within(1e-9));
                if (k == 0) {
                    assertThat(q2 / q1).isBetween(0.9, 1.1);
                } else {
                    assertThat(q2 / q1).isLessThan(0.25);
                    assertThat(s2 / s1).isGreaterThan(0.1);
                }
            }
        });
        EFFECTS.put("s24-noise-thermostat", res -> {
            double[] plain = res.runs().get(0).updateNorm();
            double[] th = res.runs().get(1).updateNorm();
            double p2 = 0, t2 = 0;
            for (int i = th.length - 200; i < th.length; i++) {
                p2 += plain[i] * plain[i] / 200;
                t2 += th[i] * th[i] / 200;
            }
            assertThat(t2).isBetween(0.007, 0.013);
            assertThat(p2).isLessThan(1e-4);
        });
        EFFECTS.put("s25-double-well-restarts", res -> {
            assertThat(last(res.runs().get(0))[0]).isGreaterThan(0);
            assertThat(last(res.runs().get(1))[0]).isLessThan(0);
        });
        EFFECTS.put("s26-flat-vs-sharp", res -> {
            RunResult small = res.runs().get(0);
            RunResult big = res.runs().get(1);
            assertThat(small.analysis().sharpnessEnd()).isGreaterThan(30);
            assertThat(big.analysis().sharpnessEnd()).isLessThan(3);
            assertThat(big.analysis().testLoss()).isLessThan(small.analysis().testLoss());
        });
        EFFECTS.put("s27-model-doctor", res -> {
            RunResult peak = res.runs().get(0);
            RunResult trough = res.runs().get(1);
            RunResult peak2 = res.runs().get(2);
            assertThat(peak.lr()[peak.lr().length - 1]).isGreaterThan(0.39);
            assertThat(trough.lr()[trough.lr().length - 1]).isLessThan(0.01);
            for (RunResult p : List.of(peak, peak2)) {
                // the peak is worse on training data, flat, and better on validation
                assertThat(p.analysis().finalLoss()).isCloseTo(-1.0, within(0.01));
                assertThat(p.analysis().sharpnessEnd()).isLessThan(1.5);
                assertThat(p.analysis().testLoss()).isCloseTo(-0.757, within(0.01));
                assertThat(p.analysis().finalLoss()).isGreaterThan(trough.analysis().finalLoss() + 0.15);
                assertThat(p.analysis().testLoss()).isLessThan(trough.analysis().testLoss() - 0.15);
            }
            assertThat(trough.analysis().finalLoss()).isCloseTo(res.minima().get(0).value(), within(1e-6));
            assertThat(trough.analysis().sharpnessEnd()).isGreaterThan(20);
            assertThat(trough.analysis().testLoss()).isCloseTo(-0.551, within(0.01));
            // along the whole run: validation is better while η is high than while it is low
            Landscape test = new ExperimentCompiler().compile(CATALOG.byId("s27-model-doctor").orElseThrow().spec())
                    .landscape().testLandscape();
            double hi = 0, lo = 0;
            int nHi = 0, nLo = 0;
            for (int i = 150; i < peak2.lr().length; i++) {
                double v = test.value(peak2.theta()[i]);
                if (peak2.lr()[i] >= 0.2) {
                    hi += v;
                    nHi++;
                } else if (peak2.lr()[i] <= 0.05) {
                    lo += v;
                    nLo++;
                }
            }
            assertThat(hi / nHi).isLessThan(lo / nLo - 0.1);
        });
        EFFECTS.put("s28-phases-coarse-then-fine", res -> {
            double high = meanTail(res.runs().get(0).loss(), 100);
            double low = meanTail(res.runs().get(1).loss(), 100);
            assertThat(high).isCloseTo(0.027, within(0.01)); // Σ ησ²/(2(2−ηλi)) = 0.0268
            for (int k = 2; k < 4; k++) {
                RunResult r = res.runs().get(k);
                assertThat(r.loss()[200]).isLessThan(res.runs().get(1).loss()[200] / 50); // coarse phase
                double tail = meanTail(r.loss(), 100);
                assertThat(tail).as(r.label()).isLessThan(high / 6).isLessThan(low / 50);
            }
            assertThat(res.runs().get(2).lr()[999]).isCloseTo(0.005, within(1e-12));
        });
        EFFECTS.put("s29-bilinear-game", res -> {
            double start = Math.sqrt(2);
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                double[] eq = res.runs().get(i).equilibriumDistance();
                d[i] = eq[eq.length - 1] / start;
            }
            assertThat(d[0]).isGreaterThan(10);
            assertThat(d[1]).isBetween(0.5, 2.0);
            assertThat(d[2]).isLessThan(0.5);
            assertThat(d[3]).isLessThan(0.5);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPresetShowsItsEffect() {
        return CATALOG.all().stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            Consumer<ExperimentResult> effect = EFFECTS.get(p.id());
            assertThat(effect).as("an effect assertion for " + p.id()).isNotNull();
            effect.accept(run(p.spec()));
        }));
    }

    @Test
    void everyPresetIsWellFormed() throws IOException {
        List<Preset> all = CATALOG.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        for (Preset p : all) {
            assertThat(p.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(p.seeds()).isNotEmpty().allMatch(s -> s.matches("S([1-9]|[12][0-9]|30)"));
            for (Map<String, String> text : List.of(p.title(), p.question())) {
                assertThat(text.keySet()).containsExactlyInAnyOrder("en", "zh");
                assertThat(text.get("zh")).as(p.id()).matches(".*[\\u4e00-\\u9fff].*");
            }
            assertThat(p.formula().get("en")).isNotBlank();
            assertThat(p.formula().get("zh")).isNotBlank();
            new ExperimentCompiler().compile(p.spec());
        }
        // every file in the directory is listed in index.json
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/presets"))) {
            List<String> ids = files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("index.json"))
                    .map(f -> f.replace(".json", "")).sorted().toList();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(all.stream().map(Preset::id).toList());
        }
        assertThat(CATALOG.byId("s1-stability-edge")).isPresent();
        assertThat(CATALOG.byId("nope")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> spec) {
        Map<String, Object> s = new HashMap<>(spec);
        s.put("landscape", new HashMap<>((Map<String, Object>) spec.get("landscape")));
        s.put("runs", ((List<Map<String, Object>>) spec.get("runs")).stream()
                .map(r -> (Map<String, Object>) new HashMap<>(r)).toList());
        return s;
    }

    @SuppressWarnings("unchecked")
    static ExperimentResult scaledLandscape(Map<String, Object> spec, double factor) {
        Map<String, Object> s = copy(spec);
        List<Number> ev = (List<Number>) ((Map<String, Object>) spec.get("landscape")).get("eigenvalues");
        ((Map<String, Object>) s.get("landscape")).put("eigenvalues",
                ev.stream().map(x -> x.doubleValue() * factor).toList());
        return run(s);
    }

    /**
     * S12 beyond one landscape: AdaDelta ignores the scale of the loss as long as g² ≫ ε. Eigenvalues
     * × 100: the steep coordinate (100 → 10⁴) keeps its path and the flat one (0.01 → 1) now moves in
     * exact lockstep with it, while SGD's η = 0.019 diverges. Eigenvalues × 0.01: the flat gradient
     * (≈ 3e-4) is below √ε = 1e-3 and AdaDelta crawls there — ε is the scale it does not adapt to.
     */
    @Test
    void adadeltaIgnoresLossScaleWhileGradientsExceedSqrtEps() {
        Map<String, Object> spec = CATALOG.byId("s12-adadelta-no-global-lr").orElseThrow().spec();
        ExperimentResult a = run(spec);
        ExperimentResult up = scaledLandscape(spec, 100);
        double[][] ta = a.runs().get(0).theta();
        double[][] tu = up.runs().get(0).theta();
        assertThat(tu.length).isEqualTo(ta.length);
        for (int i = 0; i < ta.length; i++) {
            assertThat(tu[i][1]).as("steep coordinate, step %d", i).isCloseTo(ta[i][1], within(1e-3));
            if (i <= 800) {
                assertThat(tu[i][0]).as("lockstep, step %d", i).isCloseTo(tu[i][1], within(1e-3));
            }
        }
        assertThat(up.runs().get(1).status()).isEqualTo("diverged"); // SGD η = 0.019 > 2/10⁴
        ExperimentResult down = scaledLandscape(spec, 0.01);
        assertThat(last(down.runs().get(0))[0]).isGreaterThan(2.5);
        assertThat(Math.abs(last(down.runs().get(0))[1])).isLessThan(0.02);
    }

    /** S28 beyond one seed: the high-then-low schedules beat both constant rates for every seed 0–9. */
    @Test
    @SuppressWarnings("unchecked")
    void phasedSchedulesBeatConstantOverSeeds() {
        Map<String, Object> spec = CATALOG.byId("s28-phases-coarse-then-fine").orElseThrow().spec();
        for (int seed = 0; seed < 10; seed++) {
            Map<String, Object> s = copy(spec);
            for (Map<String, Object> r : (List<Map<String, Object>>) s.get("runs")) {
                r.put("seed", seed);
            }
            ExperimentResult res = run(s);
            double high = meanTail(res.runs().get(0).loss(), 100);
            double low = meanTail(res.runs().get(1).loss(), 100);
            for (int k = 2; k < 4; k++) {
                double tail = meanTail(res.runs().get(k).loss(), 100);
                assertThat(tail).as("seed %d, %s", seed, res.runs().get(k).label()).isLessThan(high / 3)
                        .isLessThan(low / 30);
            }
        }
    }

    /** S25 beyond one seed: restarts reach the deeper well far more often than plain decay. */
    @Test
    @SuppressWarnings("unchecked")
    void doubleWellRestartsBeatDecayOverSeeds() {
        Map<String, Object> spec = CATALOG.byId("s25-double-well-restarts").orElseThrow().spec();
        int decayDeep = 0;
        int restartDeep = 0;
        for (int seed = 0; seed < 10; seed++) {
            Map<String, Object> s = new HashMap<>(spec);
            List<Map<String, Object>> runs = ((List<Map<String, Object>>) spec.get("runs")).stream().map(r -> {
                Map<String, Object> m = new HashMap<>(r);
                return m;
            }).toList();
            for (Map<String, Object> r : runs) {
                r.put("seed", seed);
            }
            s.put("runs", runs);
            ExperimentResult res = run(s);
            decayDeep += last(res.runs().get(0))[0] < 0 ? 1 : 0;
            restartDeep += last(res.runs().get(1))[0] < 0 ? 1 : 0;
        }
        assertThat(decayDeep).isLessThanOrEqualTo(1);
        assertThat(restartDeep).isGreaterThanOrEqualTo(decayDeep + 3);
    }
}
