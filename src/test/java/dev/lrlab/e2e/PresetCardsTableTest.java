package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.ChartSetup;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.EndReadout;
import dev.lrlab.experiment.LastSteps;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LossAxis;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.Limits;
import dev.lrlab.ui.playground.ChartThinning;
import dev.lrlab.ui.playground.ChartsPanel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link PresetCardsIT}'s table without a browser: every row's check runs on what the page would
 * show, derived from the engine's rows the way the page derives it (the same chart thinning and
 * running sums, the readouts' 4-digit format, the end-of-run readouts). A claim that does not
 * hold on those numbers fails here in a second, before any browser starts; the IT then checks
 * that the page really shows them.
 */
class PresetCardsTableTest {

    @Test
    void everyRowsClaimHoldsOnTheNumbersThePageWouldShow() {
        List<String> failures = new ArrayList<>();
        try (ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 10_000)) {
            for (PresetCardsIT.Row row : PresetCardsIT.TABLE) {
                Map<String, Object> spec = PresetCatalog.standard().byId(row.id()).orElseThrow().spec();
                Compiled c = service.compile(spec);
                PresetCardsIT.Ref ref = new PresetCardsIT.Ref(service.simulate(c), LossAxis.of(c.landscape()));
                EngineUi ui = new EngineUi(row.id(), service, c, ref);
                try {
                    row.check().verify(ui, ref);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(row.id() + ": " + e.getMessage());
                }
                System.out.println("| " + row.id() + " | " + row.reads() + " | " + String.join("; ", ui.seen) + " |");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(PresetCardsIT.TABLE).hasSize(PresetCatalog.standard().all().size());
    }

    /** What the playground would show after running the preset to the end. */
    static final class EngineUi extends PresetCardUi {
        private final ExperimentService service;
        private final Compiled c;
        private final PresetCardsIT.Ref ref;
        private final ChartThinning thinning;
        private final List<Recorder.Rows> rows = new ArrayList<>();

        EngineUi(String id, ExperimentService service, Compiled c, PresetCardsIT.Ref ref) {
            super(id);
            this.service = service;
            this.c = c;
            this.ref = ref;
            int maxSteps = c.engine().runs().stream().mapToInt(r -> r.steps()).max().orElse(0);
            thinning = ChartThinning.forSteps(maxSteps, LossAxis.of(c.landscape()));
            for (RunResult r : ref.result().runs()) {
                rows.add(liveRows(r, thinning.stride));
            }
        }

        /** The rows a live session keeps: every stride-th state and update, and the last state. */
        private static Recorder.Rows liveRows(RunResult r, int stride) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < r.steps().length; i++) {
                if (r.steps()[i] % stride == 0 || i == r.steps().length - 1) {
                    keep.add(i);
                }
            }
            int[] steps = keep.stream().mapToInt(i -> r.steps()[i]).toArray();
            double[][] theta = keep.stream().map(i -> r.theta()[i]).toArray(double[][]::new);
            double[] loss = keep.stream().mapToDouble(i -> r.loss()[i]).toArray();
            double[] eq = r.equilibriumDistance() == null ? null
                    : keep.stream().mapToDouble(i -> r.equilibriumDistance()[i]).toArray();
            int updates = (r.lr().length + stride - 1) / stride;
            double[] lr = new double[updates];
            double[] g = new double[updates];
            double[] u = new double[updates];
            for (int j = 0; j < updates; j++) {
                lr[j] = r.lr()[j * stride];
                g[j] = r.gradNorm()[j * stride];
                u[j] = r.updateNorm()[j * stride];
            }
            return new Recorder.Rows(0, steps, theta, loss, eq, 0, lr, g, u);
        }

        @Override
        String banner() {
            List<String> parts = new ArrayList<>();
            for (RunResult r : ref.result().runs()) {
                if ("diverged".equals(r.status())) {
                    parts.add(r.label() + " diverged at step " + r.divergedAtStep());
                }
            }
            return String.join(" · ", parts);
        }

        @Override
        String readoutText(int run, String key) {
            Analysis.Preview p = service.preview(c, run).analysis();
            Double lmax = p.hessian() == null ? null : p.hessian().lambdaMax();
            return switch (key) {
                case "lambdaMax" -> fmt(lmax);
                case "edge" -> fmt(lmax == null || lmax <= 0 ? null : 2 / lmax);
                case "etaLambda" -> fmt(p.lrTimesLambdaMax());
                case "kappa" -> fmt(p.hessian() == null ? null : p.hessian().conditionNumber());
                case "effectiveLr" -> fmt(p.effectiveLr());
                case "factors" -> {
                    double[] f = p.contractionFactors();
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < Math.min(4, f.length); i++) {
                        out.add(fmt(f[i]));
                    }
                    yield String.join(", ", out) + (f.length > 4 ? ", …" : "");
                }
                default -> throw new AssertionError("readout " + key + " needs a step");
            };
        }

        @Override
        String readoutTextAt(int run, int step, String key) {
            Recorder.Rows r = rows.get(run);
            int row = Math.min(step / thinning.stride, r.steps().length - 1);
            int update = Math.max(0, Math.min(row, r.lr().length - 1));
            return switch (key) {
                case "step" -> Integer.toString(r.steps()[row]);
                case "loss" -> fmt(r.loss()[row]);
                case "lr" -> fmt(r.lr()[update]);
                case "grad" -> fmt(r.gradNorm()[update]);
                default -> readoutText(run, key);
            };
        }

        @Override
        double[] markerAt(int run, int step) {
            Recorder.Rows r = rows.get(run);
            int row = Math.min(step / thinning.stride, r.steps().length - 1);
            double[] th = r.theta()[row];
            return c.landscape().dim() == 1 ? new double[]{th[0], r.loss()[row]}
                    : new double[]{th[0], th.length > 1 ? th[1] : 0};
        }

        @Override
        List<TreeMap<Double, Double>> chart(String chartId) {
            CompiledExperiment e = c.engine();
            int n = rows.size();
            List<ChartsPanel.Series> s = new ArrayList<>();
            thinning.restart();
            for (int i = 0; i < n; i++) {
                s.add(thinning.series(i, rows.get(i), true));
            }
            boolean noisy = ChartSetup.of(e).noisy();
            List<TreeMap<Double, Double>> out = new ArrayList<>();
            switch (chartId) {
                case "chart-loss" -> {
                    s.forEach(x -> out.add(points(x.stateX(), x.loss(), true)));
                    if (noisy) {
                        s.forEach(x -> out.add(points(x.stateX(), x.lossEma(), true)));
                    }
                }
                case "chart-lr" -> s.forEach(x -> out.add(points(x.updateX(), x.lr(), false)));
                case "chart-grad" -> s.forEach(x -> out.add(points(x.updateX(), x.grad(), true)));
                case "chart-update" -> s.forEach(x -> out.add(points(x.updateX(), x.update(), true)));
                case "chart-effstep" -> s.forEach(x -> out.add(points(x.updateX(), x.effectiveStep(), true)));
                case "chart-sums" -> {
                    s.forEach(x -> out.add(points(x.updateX(), x.lrSum(), true)));
                    s.forEach(x -> out.add(points(x.updateX(), x.lrSquaredSum(), true)));
                }
                default -> throw new AssertionError(chartId);
            }
            return out;
        }

        /** A log axis drops what it cannot draw (≤ 0, NaN), as lr-chart does. */
        private static TreeMap<Double, Double> points(double[] x, double[] y, boolean log) {
            TreeMap<Double, Double> m = new TreeMap<>();
            for (int i = 0; i < x.length; i++) {
                if (!log || y[i] > 0) {
                    m.put(x[i], y[i]);
                }
            }
            return m;
        }

        @Override
        String text(String selector) {
            String[] parts = selector.replace("#end-", "").split("-");
            int run = Integer.parseInt(parts[parts.length - 1]);
            String what = String.join("-", Arrays.copyOf(parts, parts.length - 1));
            Recorder.Rows r = rows.get(run);
            double lastLr = r.lr()[r.lr().length - 1];
            EndReadout e = EndReadout.of(c.landscape(), r.theta()[r.theta().length - 1], lastLr,
                            c.engine().runs().get(run), c.spec().runs().get(run))
                    .withRollbacks(c.engine().runs().get(run), (r.lr().length - 1) * thinning.stride, lastLr);
            return switch (what) {
                case "sharpness" -> "sharpness λmax = " + fmt(e.sharpness());
                case "edge" -> (e.beyondEdge() ? "> 2/η = " : "≤ 2/η = ") + fmt(e.edge());
                case "test" -> "test loss (shifted landscape) = " + fmt(e.testLoss());
                case "rollbacks" -> "roll-backs: " + e.rollbacks().count() + ", so η ends at ×"
                        + fmt(e.rollbacks().multiplier()) + " of the schedule = " + fmt(e.rollbacks().lr());
                case "mean-loss" -> "mean loss over the last " + last(r).steps() + " steps = " + fmt(last(r).meanLoss());
                case "mean-step" -> "mean ‖Δθ‖² = " + fmt(last(r).meanSquaredUpdate());
                default -> throw new AssertionError(selector);
            };
        }

        /** The means the end readouts show: over the preset's window, as the playground opens it. */
        private LastSteps last(Recorder.Rows r) {
            Integer n = PresetCatalog.standard().byId(id).orElseThrow().meanOverLast();
            assertThat(n).as(id + ": the preset names the window its card talks about").isNotNull();
            return LastSteps.of(r, thinning.stride, n);
        }

        /** ReadoutPanel's own format (4 significant digits), "–" for none. */
        static String fmt(Double v) {
            return v == null || !Double.isFinite(v) ? "–" : dev.lrlab.ui.playground.ReadoutPanel.fmt(v);
        }
    }
}
