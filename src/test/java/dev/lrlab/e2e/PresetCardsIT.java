package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LossAxis;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.ui.playground.PresetLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every preset card's claim, read off the page: each preset is opened, run to the end at max speed,
 * and the number or observable its card talks about is read where a student reads it (the
 * divergence banner, the readouts at a timeline step, the marker on the landscape, the end-of-run
 * readouts, the charts' data as their CSV export writes it). Each value must equal what the
 * application layer computes for the preset's spec, and the card's claim must hold on it.
 *
 * <p>One row per preset: its id, what it reads, and the check (expected values come from
 * {@link ExperimentService#simulate}). The run is in English at 1280 px on one page.
 */
class PresetCardsIT extends BrowserTestBase {

    @Autowired
    ExperimentService experiments;

    @Autowired
    PresetLookup presets;

    /** Readouts print 4 significant digits. */
    static final double READOUT = 1e-3;
    /** Chart points are the recorded doubles (log axes back through 10^y). */
    static final double CHART = 1e-9;

    /** One preset: what its card makes a student look at, and the check against the engine. */
    record Row(String id, String reads, Check check) {
    }

    @FunctionalInterface
    interface Check {
        void verify(PresetCardUi ui, Ref ref);
    }

    static final List<Row> TABLE = List.of(
            new Row("s1-stability-edge", "banner: diverged at step; |1 − ηλᵢ| and 2/λmax readouts; loss at the end", (ui, ref) -> {
                ui.eq("η = 0.21 diverged at step", ui.divergedAt("η = 0.21"), ref.run(1).divergedAtStep());
                ui.eqList("|1 − ηλᵢ| of η = 0.19", ui.readoutList(0, "factors"), ref.factors(0));
                ui.eqList("|1 − ηλᵢ| of η = 0.21", ui.readoutList(1, "factors"), ref.factors(1));
                ui.claim("the steep factors are 0.9 and 1.1", Math.abs(ref.factors(0)[1] - 0.9) < 1e-12
                        && Math.abs(ref.factors(1)[1] - 1.1) < 1e-12);
                ui.eq("2/λmax", ui.readout(0, "edge"), 2 / ref.run(0).analysis().start().lambdaMax(), READOUT);
                double end = ui.readoutAt(0, 320, "loss");
                ui.eq("loss of η = 0.19 at step 320", end, ref.run(0).loss()[320], READOUT);
                ui.claim("η = 0.19 converges (loss < 1e-8)", end < 1e-8);
                ui.claim("η = 0.19 does not diverge", !ui.banner().contains("η = 0.19"));
            }),
            new Row("s1-worked-example", "marker θ at steps 1–4 (η = 0.1), step 1 (0.5, 0.9), step 20 (1.1)", (ui, ref) -> {
                double[] want = {1.6, 1.28, 1.024, 0.8192};
                for (int t = 1; t <= 4; t++) {
                    double th = ui.markerAt(0, t)[0];
                    ui.eq("θ at step " + t + " (η = 0.1)", th, ref.run(0).theta()[t][0], CHART);
                    ui.claim("θ" + t + " = " + want[t - 1], Math.abs(th - want[t - 1]) < 1e-12);
                }
                ui.eq("θ at step 1 (η = 0.5)", ui.markerAt(1, 1)[0], 0.0, 0);
                ui.eq("θ at step 1 (η = 0.9)", ui.markerAt(2, 1)[0], ref.run(2).theta()[1][0], CHART);
                ui.claim("η = 0.9 flips and shrinks by 0.8", Math.abs(ui.markerAt(2, 1)[0] + 1.6) < 1e-12);
                double grown = ui.markerAt(3, 20)[0];
                ui.eq("θ at step 20 (η = 1.1)", grown, ref.run(3).theta()[20][0], CHART);
                ui.claim("η = 1.1 grows by 1.2 per step", Math.abs(Math.abs(grown) - 2 * Math.pow(1.2, 20)) < 1e-9);
            }),
            new Row("s2-feature-scaling", "λmax and 2/λmax readouts; banner for η = 0.5; loss of η = 0.5/9", (ui, ref) -> {
                double lmax = ui.eq("λmax", ui.readout(0, "lambdaMax"), ref.run(0).analysis().start().lambdaMax(), READOUT);
                ui.claim("λmax ≈ 9 × the unscaled ≈ 1 (6–14)", lmax > 6 && lmax < 14);
                ui.claim("η = 0.5 is past 2/λmax", 0.5 > ui.readout(0, "edge"));
                ui.eq("η = 0.5 diverged at step", ui.divergedAt("η = 0.5"), ref.run(0).divergedAtStep());
                ui.claim("η = 0.5 / 9 does not diverge", !ui.banner().contains("η = 0.5 / 9"));
                ui.eq("loss of η = 0.5/9 at step 200", ui.readoutAt(1, 200, "loss"), ref.run(1).loss()[200], READOUT);
            }),
            new Row("s3-condition-number", "|1 − ηλᵢ| readout; marker: flat coordinate after 100 steps, steep one after 1", (ui, ref) -> {
                ui.eqList("|1 − ηλᵢ| of η = 0.019", ui.readoutList(0, "factors"), ref.factors(0));
                ui.eq("κ", ui.readout(0, "kappa"), 100, READOUT);
                ui.claim("factors 0.981 and 0.9", Math.abs(ref.factors(0)[0] - 0.981) < 1e-12
                        && Math.abs(ref.factors(0)[1] - 0.9) < 1e-12);
                double flat = ui.eq("flat θ₀ at step 100", ui.markerAt(0, 100)[0], ref.run(0).theta()[100][0], CHART);
                ui.claim("still about 15% of its start 4 (10–20%)", flat / 4 > 0.1 && flat / 4 < 0.2);
                double steep = ui.eq("steep θ₁ after one step of η = 0.01", ui.markerAt(1, 1)[1], ref.run(1).theta()[1][1], CHART);
                ui.claim("solved in one step", Math.abs(steep) < 1e-12);
            }),
            new Row("s4-minibatch-noise", "end readouts: mean loss over the last 1000 steps of each run", (ui, ref) -> {
                double[] plateau = new double[3];
                for (int r = 0; r < 3; r++) {
                    plateau[r] = ui.eq("mean loss, last 1000 steps, " + ref.run(r).label(), ui.endValue("mean-loss", r),
                            ref.meanLoss(r, 1000), READOUT);
                }
                ui.claim("B = 16 is 9–28× below B = 1 (card: 16×)", plateau[0] / plateau[2] > 9 && plateau[0] / plateau[2] < 28);
                ui.claim("B = 4 is 2.5–6× below B = 1", plateau[0] / plateau[1] > 2.5 && plateau[0] / plateau[1] < 6);
            }),
            new Row("s5-batch-scaling-rules", "loss readouts at the end of each run (200, 50, 50 steps)", (ui, ref) -> {
                double small = ui.eq("loss, B = 4 at step 200", ui.readoutAt(0, 200, "loss"), ref.run(0).loss()[200], READOUT);
                double linear = ui.eq("loss, linear rule at step 50", ui.readoutAt(1, 50, "loss"), ref.run(1).loss()[50], READOUT);
                double sqrt = ui.eq("loss, √ rule at step 50", ui.readoutAt(2, 50, "loss"), ref.run(2).loss()[50], READOUT);
                ui.claim("linear rule matches the small batch (0.5–2×)", linear / small > 0.5 && linear / small < 2);
                ui.claim("√ rule clearly behind (> 2×)", sqrt / linear > 2);
            }),
            new Row("s6-momentum-effective-lr", "effective lr readout; loss readouts at step 300", (ui, ref) -> {
                double eff = ui.eq("effective lr η/(1−β)", ui.readout(1, "effectiveLr"), ref.run(1).analysis().preview().effectiveLr(), READOUT);
                ui.claim("= 0.1", Math.abs(eff - 0.1) < 1e-9);
                double plain = ui.eq("loss, η = 0.01", ui.readoutAt(0, 300, "loss"), ref.run(0).loss()[300], READOUT);
                double mom = ui.eq("loss, η = 0.01, β = 0.9", ui.readoutAt(1, 300, "loss"), ref.run(1).loss()[300], READOUT);
                double big = ui.eq("loss, η = 0.1", ui.readoutAt(2, 300, "loss"), ref.run(2).loss()[300], READOUT);
                ui.claim("momentum within 1.5× of η = 0.1", mom / big > 1 / 1.5 && mom / big < 1.5);
                ui.claim("far ahead of plain η = 0.01 (> 3×)", plain > 3 * mom);
            }),
            new Row("s7-gradient-clipping", "banner; update norm chart of the clipped run; its marker at the end", (ui, ref) -> {
                ui.eq("no clipping diverged at step", ui.divergedAt("no clipping"), ref.run(0).divergedAtStep());
                TreeMap<Double, Double> u = ui.chart("chart-update").get(1);
                double max = u.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                ui.eq("largest step of clip C = 1", max, max(ref.run(1).updateNorm()), CHART);
                ui.claim("every step ≤ ηC = 0.25", max <= 0.25 + 1e-9);
                double end = ui.eq("θ of clip C = 1 at step 200", ui.markerAt(1, 200)[0], ref.run(1).theta()[200][0], CHART);
                ui.claim("bounded cycle |θ| ≤ 0.25", Math.abs(end) <= 0.25);
            }),
            new Row("s8-momentum-reset-restarts", "loss readouts at the restart (step 100) and just after (101); lr at 100", (ui, ref) -> {
                double k100 = ui.eq("loss, keep at 100", ui.readoutAt(0, 100, "loss"), ref.run(0).loss()[100], READOUT);
                double r100 = ui.eq("loss, reset at 100", ui.readoutAt(1, 100, "loss"), ref.run(1).loss()[100], READOUT);
                ui.claim("identical up to the restart", k100 == r100);
                ui.eq("η at step 100 (lr back up)", ui.readoutAt(1, 100, "lr"), ref.run(1).lr()[100], READOUT);
                double k101 = ui.eq("loss, keep at 101", ui.readoutAt(0, 101, "loss"), ref.run(0).loss()[101], READOUT);
                double r101 = ui.eq("loss, reset at 101", ui.readoutAt(1, 101, "loss"), ref.run(1).loss()[101], READOUT);
                ui.claim("they split just after the restart", k101 != r101);
            }),
            new Row("s9-adam-cycling-beta1", "chart ‖Δθ‖/η of the three runs (first cycles, lr trough at step 20)", (ui, ref) -> {
                List<TreeMap<Double, Double>> eff = ui.chart("chart-effstep");
                double worst = 0;
                for (double v : eff.get(0).values()) {
                    worst = Math.max(worst, Math.abs(v - 1));
                }
                ui.claim("β1 fixed: every update = η_t within 1%", worst < 0.01);
                double d20 = ui.eq("‖Δθ‖/η at step 20, PyTorch default", eff.get(1).get(20.0), ref.effStep(1, 20), CHART);
                ui.claim("8% too large at the trough (1.07–1.1)", d20 > 1.07 && d20 < 1.1);
                double min = eff.get(1).headMap(10.0).values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                ui.claim("up to 12% too small while β1 falls (0.87–0.9)", min > 0.87 && min < 0.9);
                double w20 = ui.eq("‖Δθ‖/η at step 20, 0.99 ↔ 0.5", eff.get(2).get(20.0), ref.effStep(2, 20), CHART);
                ui.claim("5.2× η at the trough", w20 > 5);
                ui.eq("‖Δθ‖/η at step 180, 0.99 ↔ 0.5", eff.get(2).get(180.0), ref.effStep(2, 180), CHART);
            }),
            new Row("s11-rmsprop-vs-adagrad-nonstationary", "update norm chart before the drop (99) and 50 steps after (150)", (ui, ref) -> {
                List<TreeMap<Double, Double>> u = ui.chart("chart-update");
                double[] ratio = new double[2];
                for (int r = 0; r < 2; r++) {
                    double before = ui.eq(ref.run(r).label() + " update at 99", u.get(r).get(99.0), ref.run(r).updateNorm()[99], CHART);
                    double after = ui.eq(ref.run(r).label() + " update at 150", u.get(r).get(150.0), ref.run(r).updateNorm()[150], CHART);
                    ratio[r] = after / before;
                }
                ui.claim("AdaGrad stays ~10× smaller (< 0.2)", ratio[0] < 0.2);
                ui.claim("RMSProp recovers (> 0.5)", ratio[1] > 0.5);
            }),
            new Row("s12-adadelta-no-global-lr", "marker after step 1 and at the end; loss readouts 700/900/1000; banner for SGD η = 1", (ui, ref) -> {
                double[] start = ref.run(0).theta()[0];
                double[] one = ui.markerAt(0, 1);
                for (int k = 0; k < 2; k++) {
                    double moved = ui.eq("AdaDelta first step, coordinate " + k, start[k] - one[k],
                            start[k] - ref.run(0).theta()[1][k], 1e-9);
                    ui.claim("≈ √ε/√(1 − ρ) ≈ 0.003", Math.abs(moved - Math.sqrt(1e-6 / 0.1)) < 0.01 * Math.sqrt(1e-6 / 0.1));
                }
                double flat = ui.eq("AdaDelta flat θ₀ at 1000", ui.markerAt(0, 1000)[0], ref.run(0).theta()[1000][0], CHART);
                ui.claim("below 0.02", Math.abs(flat) < 0.02);
                double sgdFlat = ui.eq("SGD flat θ₀ at 1000", ui.markerAt(1, 1000)[0], ref.run(1).theta()[1000][0], CHART);
                ui.claim("SGD still above 2.4", sgdFlat > 2.4);
                ui.claim("SGD lower until about step 800 (at 700)",
                        ui.readoutAt(1, 700, "loss") < ui.readoutAt(0, 700, "loss"));
                ui.claim("AdaDelta lower after it (at 900)", ui.readoutAt(0, 900, "loss") < ui.readoutAt(1, 900, "loss"));
                double a = ui.eq("AdaDelta loss at 1000", ui.readoutAt(0, 1000, "loss"), ref.run(0).loss()[1000], READOUT);
                double s = ui.eq("SGD loss at 1000", ui.readoutAt(1, 1000, "loss"), ref.run(1).loss()[1000], READOUT);
                ui.claim("20× below SGD", a < s / 20);
                ui.eq("SGD η = 1 diverged at step", ui.divergedAt("SGD η = 1"), ref.run(2).divergedAtStep());
            }),
            new Row("s13-adam-bias-correction", "marker: the first update of each coordinate", (ui, ref) -> {
                for (int r = 0; r < 2; r++) {
                    double[] one = ui.markerAt(r, 1);
                    for (int k = 0; k < 2; k++) {
                        double moved = ui.eq(ref.run(r).label() + " step 1, coordinate " + k, ref.run(r).theta()[0][k] - one[k],
                                ref.run(r).theta()[0][k] - ref.run(r).theta()[1][k], 1e-9);
                        ui.claim("exactly α = 0.1", Math.abs(moved - 0.1) < 1e-6);
                    }
                }
            }),
            new Row("s15-float16-adam-eps", "marker of float16 ε = 1e-8 at the end; update norm chart of ε = 1e-4", (ui, ref) -> {
                double far = ui.eq("float16 ε = 1e-8: θ₀ at 300", ui.markerAt(1, 300)[0], ref.run(1).theta()[300][0], CHART);
                ui.claim("thrown far away (|θ| > 5)", Math.abs(far) > 5);
                double max = ui.chart("chart-update").get(2).values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                ui.eq("float16 ε = 1e-4: largest step", max, max(ref.run(2).updateNorm()), CHART);
                ui.claim("bounded by ≈ α·√2", max <= 1.01 * 0.001 * Math.sqrt(2));
            }),
            new Row("s14-adamw-vs-adam-l2", "markers at the end of both runs", (ui, ref) -> {
                double[] a = ui.markerAt(0, 5000);
                double[] w = ui.markerAt(1, 5000);
                ui.eqList("Adam + L2 end point", a, ref.run(0).theta()[ref.run(0).theta().length - 1]);
                ui.eqList("AdamW end point", w, ref.run(1).theta()[ref.run(1).theta().length - 1]);
                ui.claim("measurably different points (> 0.05 apart)", Math.hypot(a[0] - w[0], a[1] - w[1]) > 0.05);
            }),
            new Row("s16-diagonal-preconditioning", "loss readouts after 200 steps", (ui, ref) -> {
                ui.eq("κ", ui.readout(0, "kappa"), ref.run(0).analysis().start().conditionNumber(), READOUT);
                ui.claim("κ = 1000", Math.abs(ref.run(0).analysis().start().conditionNumber() - 1000) < 1e-9);
                double gd = ui.eq("GD loss at 200", ui.readoutAt(0, 200, "loss"), ref.run(0).loss()[200], READOUT);
                double rms = ui.eq("RMSProp loss at 200", ui.readoutAt(1, 200, "loss"), ref.run(1).loss()[200], READOUT);
                ui.claim("RMSProp ≥ 10× lower", rms < gd / 10);
            }),
            new Row("s17-rollback", "banner; end readout: roll-backs and the lr the run ends with", (ui, ref) -> {
                ui.eq("plain η = 0.5 diverged at step", ui.divergedAt("plain η = 0.5"), ref.run(0).divergedAtStep());
                String rb = ui.text("#end-rollbacks-1");
                List<Double> n = PresetCardUi.numbers(rb);
                ui.eq("roll-backs", n.get(0).intValue(), ref.run(1).analysis().rollbacks());
                ui.eq("η multiplier", n.get(1), ref.run(1).analysis().finalLrMultiplier(), READOUT);
                ui.eq("η at the end", n.get(2), ref.run(1).lr()[ref.run(1).lr().length - 1], READOUT);
                ui.claim("halved two or more times", n.get(0) >= 2);
                ui.claim("converges (loss < 1e-6 at 100)", ui.readoutAt(1, 100, "loss") < 1e-6);
            }),
            new Row("s18-curvature-lr", "banner for η = 0.003; loss readouts at step 2000", (ui, ref) -> {
                ui.eq("constant η = 0.003 diverged at step", ui.divergedAt("constant η = 0.003"), ref.run(1).divergedAtStep());
                double small = ui.eq("loss, η = 0.0002", ui.readoutAt(0, 2000, "loss"), ref.run(0).loss()[2000], READOUT);
                double curv = ui.eq("loss, curvature", ui.readoutAt(2, 2000, "loss"), ref.run(2).loss()[2000], READOUT);
                ui.claim("far below the small constant η (> 100×)", curv < small / 100);
            }),
            new Row("s19-decay-schedules", "lr readouts at step 200; end readouts: mean loss over the last 100 steps", (ui, ref) -> {
                double[] lr200 = {0.03, 0.1 * Math.exp(-1), 0.1 / 5};
                for (int r = 1; r < 4; r++) {
                    double lr = ui.eq("η at 200, " + ref.run(r).label(), ui.readoutAt(r, 200, "lr"), ref.run(r).lr()[200], READOUT);
                    ui.claim("η at 200 = " + lr200[r - 1], Math.abs(lr - lr200[r - 1]) < 1e-4 * lr200[r - 1]);
                }
                double constant = ui.eq("mean loss, last 100 steps, constant", ui.endValue("mean-loss", 0), ref.meanLoss(0, 100), READOUT);
                for (int r = 1; r < 4; r++) {
                    double v = ui.eq("mean loss, last 100 steps, " + ref.run(r).label(), ui.endValue("mean-loss", r),
                            ref.meanLoss(r, 100), READOUT);
                    ui.claim(ref.run(r).label() + " ≥ 3× below constant", v < constant / 3);
                }
            }),
            new Row("s20-cosine-annealing", "lr readouts at T/2 = 300; end readouts: mean loss over the last 50 steps", (ui, ref) -> {
                ui.eq("η at 300, η_min = 0", ui.readoutAt(1, 300, "lr"), 0.05, READOUT);
                ui.eq("η at 300, η_min = 0.02", ui.readoutAt(2, 300, "lr"), 0.06, READOUT);
                ui.claim("engine agrees: (η_max + η_min)/2", ref.run(1).lr()[300] == 0.05 && Math.abs(ref.run(2).lr()[300] - 0.06) < 1e-12);
                double constant = ui.eq("mean loss, last 50 steps, constant", ui.endValue("mean-loss", 0), ref.meanLoss(0, 50), READOUT);
                double cosine = ui.eq("mean loss, last 50 steps, cosine to 0", ui.endValue("mean-loss", 1), ref.meanLoss(1, 50), READOUT);
                ui.claim("much closer to the minimum (≥ 5×)", cosine < constant / 5);
            }),
            new Row("s21-sgdr-cycle-doubling", "lr readouts at the restarts 50, 150, 350 and the step before each", (ui, ref) -> {
                for (int s : new int[]{50, 150, 350}) {
                    double lr = ui.eq("η at " + s, ui.readoutAt(0, s, "lr"), ref.run(0).lr()[s], READOUT);
                    ui.claim("back to η_max 0.1 at " + s, Math.abs(lr - 0.1) < 1e-9);
                    double before = ui.eq("η at " + (s - 1), ui.readoutAt(0, s - 1, "lr"), ref.run(0).lr()[s - 1], READOUT);
                    ui.claim("annealed before the restart (< 0.001)", before < 0.001);
                }
                ui.eq("fixed cycles: η at 100", ui.readoutAt(1, 100, "lr"), 0.1, READOUT);
            }),
            new Row("s22-cyclic-and-warmup", "lr readouts at 0, 50, 100, 150, 200 (cyclic) and 0, 50, 499 (warm-up)", (ui, ref) -> {
                int[] at = {0, 50, 100, 150, 200};
                double[] want = {0.01, 0.1, 0.01, 0.1, 0.01};
                for (int i = 0; i < at.length; i++) {
                    double lr = ui.eq("cyclic η at " + at[i], ui.readoutAt(0, at[i], "lr"), ref.run(0).lr()[at[i]], READOUT);
                    ui.claim("= " + want[i], Math.abs(lr - want[i]) < 1e-9);
                }
                ui.eq("warm-up η at 0", ui.readoutAt(1, 0, "lr"), 0.01, READOUT);
                ui.eq("warm-up η at 50", ui.readoutAt(1, 50, "lr"), 0.1, READOUT);
                double end = ui.eq("warm-up η at 499", ui.readoutAt(1, 499, "lr"), ref.run(1).lr()[499], READOUT);
                ui.claim("annealed to ≈ 0", end < 1e-5);
            }),
            new Row("s23-robbins-monro", "partial sums chart Σηt and Σηt² at step 1000 and at the end", (ui, ref) -> {
                List<TreeMap<Double, Double>> sums = ui.chart("chart-sums");
                for (int r = 0; r < 2; r++) {
                    double[] lr = ref.run(r).lr();
                    double s1 = 0;
                    double q1 = 0;
                    for (int t = 0; t <= 1000; t++) {
                        s1 += lr[t];
                        q1 += lr[t] * lr[t];
                    }
                    String name = ref.run(r).label();
                    double pageS1 = ui.eq(name + " Σηt at 1000", sums.get(r).get(1000.0), s1, CHART);
                    double pageQ1 = ui.eq(name + " Σηt² at 1000", sums.get(2 + r).get(1000.0), q1, CHART);
                    double pageS = ui.eq(name + " Σηt at the end", sums.get(r).lastEntry().getValue(), ref.run(r).analysis().lrSum(), CHART);
                    double pageQ = ui.eq(name + " Σηt² at the end", sums.get(2 + r).lastEntry().getValue(),
                            ref.run(r).analysis().lrSquaredSum(), CHART);
                    double q = (pageQ - pageQ1) / pageQ1;
                    double s = (pageS - pageS1) / pageS1;
                    if (r == 0) {
                        ui.claim("pure cycle: Σηt² adds as much in 1000–2000 as in 0–1000", q > 0.9 && q < 1.1);
                    } else {
                        ui.claim("envelope: the second half adds < 25% to Σηt²", q < 0.25);
                        ui.claim("envelope: Σηt still grows (> 10%)", s > 0.1);
                    }
                }
            }),
            new Row("s24-noise-thermostat", "end readouts: mean ‖Δθ‖² over the last 200 steps; update norm chart", (ui, ref) -> {
                List<TreeMap<Double, Double>> u = ui.chart("chart-update");
                double[] mean = new double[2];
                for (int r = 0; r < 2; r++) {
                    double last = ui.eq(ref.run(r).label() + " last update", u.get(r).lastEntry().getValue(),
                            ref.run(r).updateNorm()[ref.run(r).updateNorm().length - 1], CHART);
                    assertThat(last).isPositive();
                    mean[r] = ui.eq(ref.run(r).label() + " mean ‖Δθ‖², last 200 steps", ui.endValue("mean-step", r),
                            ref.meanSquaredUpdate(r, 200), READOUT);
                }
                ui.claim("thermostat keeps E‖Δθ‖² ≈ K = 0.01 (±30%): " + PresetCardUi.fmt(mean[1]), mean[1] > 0.007 && mean[1] < 0.013);
                ui.claim("plain steps shrink to nothing (< 1e-4): " + PresetCardUi.fmt(mean[0]), mean[0] < 1e-4);
            }),
            new Row("s25-double-well-restarts", "markers at the end: which well each run ends in", (ui, ref) -> {
                double decay = ui.eq("cosine decay θ at 1000", ui.markerAt(0, 1000)[0], ref.run(0).theta()[1000][0], CHART);
                double restarts = ui.eq("restarts θ at 1000", ui.markerAt(1, 1000)[0], ref.run(1).theta()[1000][0], CHART);
                ui.claim("decay stays in the shallow well (θ > 0)", decay > 0);
                ui.claim("restarts reach the deeper well (θ < 0)", restarts < 0);
            }),
            new Row("s26-flat-vs-sharp", "end readouts: sharpness λmax and test loss of both runs", (ui, ref) -> {
                double sharpSmall = ui.eq("η = 0.01 sharpness", ui.endValue("sharpness", 0), ref.run(0).analysis().sharpnessEnd(), READOUT);
                double sharpBig = ui.eq("η = 0.2 sharpness", ui.endValue("sharpness", 1), ref.run(1).analysis().sharpnessEnd(), READOUT);
                double testSmall = ui.eq("η = 0.01 test loss", ui.endValue("test", 0), ref.run(0).analysis().testLoss(), READOUT);
                double testBig = ui.eq("η = 0.2 test loss", ui.endValue("test", 1), ref.run(1).analysis().testLoss(), READOUT);
                ui.claim("η = 0.01 stays in the sharp pit (curvature ≈ 53)", sharpSmall > 30 && Math.abs(sharpSmall - 53) < 1);
                ui.claim("η = 0.2 settles in the wide basin (curvature ≈ 1)", sharpBig < 3);
                ui.claim("the flat end point has the lower test loss", testBig < testSmall);
                double edgeBig = ui.eq("η = 0.2 limit 2/η", ui.endValue("edge", 1), 2 / 0.2, READOUT);
                ui.claim("the pit is too sharp for η = 0.2 (λmax > 2/η)", sharpSmall > edgeBig);
            }),
            new Row("s27-model-doctor", "end readouts (sharpness, test loss) and loss readouts of the three end points", (ui, ref) -> {
                int[] end = {500, 600, 700};
                double[] sharp = new double[3];
                double[] test = new double[3];
                double[] loss = new double[3];
                for (int r = 0; r < 3; r++) {
                    String name = ref.run(r).label();
                    sharp[r] = ui.eq(name + " sharpness", ui.endValue("sharpness", r), ref.run(r).analysis().sharpnessEnd(), READOUT);
                    test[r] = ui.eq(name + " test loss", ui.endValue("test", r), ref.run(r).analysis().testLoss(), READOUT);
                    loss[r] = ui.eq(name + " training loss", ui.readoutAt(r, end[r], "loss"), ref.run(r).loss()[end[r]], READOUT);
                }
                ui.claim("the trough sits in the pit (sharpness ≈ 25, > 20)", sharp[1] > 20);
                ui.claim("the peaks are in the wide basin (≈ 1.1, < 1.5)", sharp[0] < 1.5 && sharp[2] < 1.5);
                ui.claim("training loss better at the trough", loss[1] < loss[0] - 0.15 && loss[1] < loss[2] - 0.15);
                ui.claim("validation better at the peaks", test[0] < test[1] - 0.15 && test[2] < test[1] - 0.15);
            }),
            new Row("s28-phases-coarse-then-fine", "loss readouts at step 200; end readouts: mean loss over the last 100 steps", (ui, ref) -> {
                double slow = ui.eq("loss at 200, constant η = 0.01", ui.readoutAt(1, 200, "loss"), ref.run(1).loss()[200], READOUT);
                double high = ui.eq("mean loss, last 100 steps, constant η = 0.5", ui.endValue("mean-loss", 0), ref.meanLoss(0, 100), READOUT);
                double low = ui.eq("mean loss, last 100 steps, constant η = 0.01", ui.endValue("mean-loss", 1), ref.meanLoss(1, 100), READOUT);
                for (int r = 2; r < 4; r++) {
                    String name = ref.run(r).label();
                    double at200 = ui.eq("loss at 200, " + name, ui.readoutAt(r, 200, "loss"), ref.run(r).loss()[200], READOUT);
                    ui.claim(name + ": 100× below η = 0.01 at step 200", at200 < slow / 100);
                    double tail = ui.eq("mean loss, last 100 steps, " + name, ui.endValue("mean-loss", r), ref.meanLoss(r, 100), READOUT);
                    ui.claim(name + ": 9–12× below η = 0.5 (card; ≥ 6×) and 60–90× below η = 0.01 (≥ 50×)",
                            tail < high / 6 && tail < low / 50);
                }
            }),
            new Row("s29-bilinear-game", "loss chart = distance to the equilibrium, at step 500", (ui, ref) -> {
                List<TreeMap<Double, Double>> d = ui.chart("chart-loss");
                double start = Math.sqrt(2);
                double[] ratio = new double[4];
                for (int r = 0; r < 4; r++) {
                    double[] eq = ref.run(r).equilibriumDistance();
                    ratio[r] = ui.eq(ref.run(r).label() + " distance at 500", d.get(r).get(500.0), eq[eq.length - 1], CHART) / start;
                }
                ui.claim("simultaneous grows > 10×", ratio[0] > 10);
                ui.claim("by exactly √(1 + η²) per step (η = 0.1)",
                        Math.abs(ratio[0] - Math.pow(1.01, 250)) < 1e-9 * ratio[0]);
                ui.claim("alternating stays bounded (0.5–2×)", ratio[1] > 0.5 && ratio[1] < 2);
                ui.claim("extragradient and optimistic spiral in (< 0.5×)", ratio[2] < 0.5 && ratio[3] < 0.5);
            }));

    @Test
    void everyPresetCardsClaimIsOnThePageWithTheEnginesNumbers() {
        assertThat(TABLE).extracting(Row::id)
                .containsExactlyElementsOf(PresetCatalog.standard().all().stream().map(p -> p.id()).toList());
        page.setViewportSize(1280, 900);
        page.setDefaultTimeout(30_000);
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Row row : TABLE) {
            long t = System.nanoTime();
            Map<String, Object> spec = presets.spec(row.id());
            dev.lrlab.core.landscape.Landscape landscape = experiments.compile(spec).landscape();
            Ref ref = new Ref(experiments.simulate(spec), LossAxis.of(landscape));
            PlaygroundPage playground = new PlaygroundPage(page).open(url("/?preset=" + row.id()));
            page.waitForSelector("#preset-card");
            playground.setMaxSpeed();
            playground.runToEnd();
            if (!landscape.isGame()) {
                page.waitForSelector("#end-readouts"); // drawn with the last batch
            }
            PresetCardUi ui = new PresetCardUi.Page(playground, row.id());
            try {
                row.check().verify(ui, ref);
            } catch (AssertionError | RuntimeException e) {
                // every preset is checked in one pass; the failures are listed together at the end
                failures.add(row.id() + ": " + e.getMessage());
                screenshot("preset-card-failed-" + row.id());
            }
            report.add(String.format("| %s | %s | %s | %.1f s |", row.id(), row.reads(), String.join("; ", ui.seen),
                    (System.nanoTime() - t) / 1e9));
        }
        System.out.println("PresetCardsIT: " + TABLE.size() + " presets in " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        report.forEach(System.out::println);
        assertThat(failures).as("presets whose card's claim is not on the page").isEmpty();
    }

    // ------------------------------------------------------------------------------ engine side

    /** The engine's result of the preset's spec, with what the page derives from it. */
    record Ref(ExperimentResult result, LossAxis axis) {
        RunResult run(int i) {
            return result.runs().get(i);
        }

        double[] factors(int run) {
            return run(run).analysis().preview().contractionFactors();
        }

        /** The smoothed loss curve's last value, as the loss chart computes it (every row, stride 1). */
        /** Mean f over the last n states (steps T−n+1 … T), as the preset tests define it. */
        double meanLoss(int run, int n) {
            double[] f = run(run).loss();
            double s = 0;
            for (int i = f.length - n; i < f.length; i++) {
                s += f[i];
            }
            return s / n;
        }

        /** Mean ‖Δθ‖² over the last n updates (leaving steps T−n … T−1). */
        double meanSquaredUpdate(int run, int n) {
            double[] u = run(run).updateNorm();
            double s = 0;
            for (int i = u.length - n; i < u.length; i++) {
                s += u[i] * u[i];
            }
            return s / n;
        }

        double effStep(int run, int step) {
            return run(run).updateNorm()[step] / run(run).lr()[step];
        }
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
