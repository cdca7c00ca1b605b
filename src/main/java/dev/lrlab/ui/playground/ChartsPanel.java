package dev.lrlab.ui.playground;

import dev.lrlab.experiment.ChartSetup;
import dev.lrlab.experiment.LossAxis;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import dev.lrlab.ui.chart.StepAxis;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four streaming curves of a run set: loss, learning rate, gradient norm, update norm. A
 * diverged run is clipped at each chart's edge instead of setting its scale; titles, toolbar and
 * export headers follow the language.
 */
public class ChartsPanel extends Div implements LocaleChangeObserver {

    public static final String LOSS = "chart-loss";
    public static final String LR = "chart-lr";
    public static final String GRAD = "chart-grad";
    public static final String UPDATE = "chart-update";
    public static final String EFFECTIVE_STEP = "chart-effstep";
    public static final String SUMS = "chart-sums";

    private final ApexChart loss = chart(LOSS);
    private final ApexChart lr = chart(LR);
    private final ApexChart grad = chart(GRAD);
    private final ApexChart update = chart(UPDATE);
    private final ApexChart effStep = chart(EFFECTIVE_STEP);
    private final ApexChart sums = chart(SUMS);
    private final Checkbox logLoss = new Checkbox(true);
    private final Checkbox smooth = new Checkbox(false);
    private final Checkbox samples = new Checkbox(false);
    private final EndReadouts end = new EndReadouts();
    /** Per run its batch size (samples per step), or 0 when it uses the full gradient. */
    private int[] batchSizes = new int[0];
    /** The x axes: 0 … the longest run with round ticks (steps, or samples processed). */
    private StepAxis stepAxis = StepAxis.of(1);
    private StepAxis samplesAxis = StepAxis.of(1);
    private List<String> names = List.of();
    private List<String> colors = List.of();
    private LossAxis.Kind lossKind = LossAxis.Kind.LOSS;
    private final Set<Integer> diverged = new TreeSet<>();
    /** The step each diverged run diverged at. */
    private final java.util.Map<Integer, Integer> divergedAt = new java.util.TreeMap<>();

    public ChartsPanel() {
        addClassName("lr-charts");
        logLoss.setId("log-loss");
        smooth.setId("loss-ema");
        samples.setId("loss-samples");
        for (Checkbox c : List.of(logLoss, smooth, samples)) {
            c.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    reset(names, colors);
                    fireEvent(new LogScaleChanged(this));
                }
            });
        }
        Div options = new Div(logLoss, smooth, samples);
        options.addClassName("lr-chart-options");
        Div lossBox = new Div(loss, options);
        lossBox.addClassName("lr-chart-box");
        add(end, lossBox, box(lr), box(grad), box(update), box(effStep), box(sums));
    }

    /** Chart height: the toolbar has its own line under the title. */
    private static final String HEIGHT = "270px";
    /** On a projector the larger ticks and titles need room; the plot keeps about the same share. */
    private static final String PROJECTOR_HEIGHT = "380px";
    /** Tick and legend size on a projector, in px (readable from the back of a lecture hall). */
    public static final int PROJECTOR_FONT_PX = 20;

    private static ApexChart chart(String id) {
        ApexChart c = new ApexChart();
        c.setId(id);
        c.setHeight(HEIGHT);
        return c;
    }

    /** Projector type: large ticks, titles and legends, taller charts; false returns to the normal sizes. */
    public void setPresenting(boolean presenting) {
        getElement().getClassList().set("lr-charts-presenting", presenting);
        for (ApexChart c : List.of(loss, lr, grad, update, effStep, sums)) {
            c.setHeight(presenting ? PROJECTOR_HEIGHT : HEIGHT);
            c.setFontSize(presenting ? PROJECTOR_FONT_PX : 0);
        }
    }

    private static Div box(ApexChart c) {
        Div d = new Div(c);
        d.addClassName("lr-chart-box");
        return d;
    }

    public List<String> targetIds() {
        return List.of(LOSS, LR, GRAD, UPDATE, EFFECTIVE_STEP, SUMS);
    }

    /**
     * Empties the charts and sets one series per run; the loss chart plots the setup's quantity,
     * offers the samples-processed axis when a run has a batch size and starts smoothed when a
     * run is noisy.
     */
    public void reset(List<String> runNames, List<String> runColors, ChartSetup setup) {
        this.lossKind = setup.lossKind();
        this.batchSizes = setup.batchSizes().clone();
        this.stepAxis = StepAxis.of(setup.maxSteps());
        this.samplesAxis = StepAxis.of(setup.maxSamples());
        int[] batchSizes = this.batchSizes;
        smooth.setValue(setup.noisy());
        boolean batched = java.util.Arrays.stream(batchSizes).anyMatch(b -> b > 0);
        samples.setVisible(batched);
        if (!batched) {
            samples.setValue(false);
        }
        end.clear();
        reset(runNames, runColors);
    }

    /** What each run reached at its end (sharpness vs 2/η, test loss); null entries are skipped. */
    public void showEnd(List<String> runNames, List<dev.lrlab.experiment.EndReadout> ends) {
        end.show(runNames, ends);
    }

    /** The N of the end readouts' means over the last N steps, or null for each run's default. */
    public Integer meanWindow() {
        return end.window();
    }

    /** Sets N (a preset names the window its card talks about; null: the default). */
    public void setMeanWindow(Integer n) {
        end.setWindow(n);
    }

    /** Called when the student changes N: recompute the means from the same result. */
    public void onMeanWindowChange(java.util.function.IntConsumer listener) {
        end.onWindowChange(listener);
    }

    private void reset(List<String> runNames, List<String> runColors) {
        this.names = runNames;
        this.colors = runColors;
        diverged.clear();
        divergedAt.clear();
        String step = getTranslation("chart.step");
        String empty = getTranslation("chart.empty");
        String lang = getLocale().toLanguageTag();
        String x = samples.getValue() ? getTranslation("chart.samples") : step;
        List<String> lossNames = smooth.getValue() ? doubled(names, getTranslation("chart.ema")) : names;
        ObjectNode lossOptions = ChartOptions.streamingLine(lossTitle(), x, empty, lossNames,
                smooth.getValue() ? faded(colors) : colors, logLoss.getValue());
        if (smooth.getValue()) {
            // the raw noisy curve thin and faint behind its moving average
            widths(lossOptions, names.size(), 1, 2.5);
        }
        (samples.getValue() ? samplesAxis : stepAxis).applyTo(lossOptions);
        loss.setOptions(ChartOptions.meta(lossOptions, lossTitle(), "lrlab-loss", lang));
        lr.setOptions(ChartOptions.meta(stepAxis.applyTo(ChartOptions.zeroBasedY(
                ChartOptions.streamingLine(getTranslation("chart.lr"), step, empty, names, colors, false))),
                getTranslation("chart.lr"), "lrlab-lr", lang));
        grad.setOptions(ChartOptions.meta(stepAxis.applyTo(
                ChartOptions.streamingLine(getTranslation("chart.grad"), step, empty, names, colors, true)),
                getTranslation("chart.grad"), "lrlab-grad", lang));
        update.setOptions(ChartOptions.meta(stepAxis.applyTo(
                ChartOptions.streamingLine(getTranslation("chart.update"), step, empty, names, colors, true)),
                getTranslation("chart.update"), "lrlab-update", lang));
        effStep.setOptions(ChartOptions.meta(stepAxis.applyTo(
                ChartOptions.streamingLine(getTranslation("chart.effstep"), step, empty, names, colors, true)),
                getTranslation("chart.effstep"), "lrlab-effective-step", lang));
        List<String> sumNames = new java.util.ArrayList<>();
        names.forEach(n -> sumNames.add(n + " · Σηt"));
        names.forEach(n -> sumNames.add(n + " · Σηt²"));
        ObjectNode sumOptions = ChartOptions.streamingLine(getTranslation("chart.sums"), step, empty, sumNames,
                doubled(colors), true);
        stepAxis.applyTo(sumOptions);
        ArrayNode dash = sumOptions.with("stroke").putArray("dashArray");
        names.forEach(n -> dash.add(0));
        names.forEach(n -> dash.add(5));
        sums.setOptions(ChartOptions.meta(sumOptions, getTranslation("chart.sums"), "lrlab-partial-sums", lang));
        logLoss.setLabel(getTranslation("chart.logScale"));
        smooth.setLabel(getTranslation("chart.smooth"));
        samples.setLabel(getTranslation("chart.samplesAxis"));
    }

    private static List<String> doubled(List<String> names, String suffix) {
        List<String> out = new java.util.ArrayList<>(names);
        names.forEach(n -> out.add(n + " · " + suffix));
        return out;
    }

    private static List<String> doubled(List<String> colors) {
        List<String> out = new java.util.ArrayList<>(colors);
        out.addAll(colors);
        return out;
    }

    /** Raw series faint (#rrggbb gets an alpha), their averages (the second half) as they are. */
    private static List<String> faded(List<String> colors) {
        List<String> out = new java.util.ArrayList<>();
        colors.forEach(c -> out.add(c.matches("#[0-9a-fA-F]{6}") ? c + "66" : c));
        out.addAll(colors);
        return out;
    }

    private static void widths(ObjectNode options, int n, double first, double second) {
        ArrayNode w = options.with("stroke").putArray("width");
        for (int i = 0; i < n; i++) {
            w.add(first);
        }
        for (int i = 0; i < n; i++) {
            w.add(second);
        }
    }

    private String lossTitle() {
        return getTranslation(switch (lossKind) {
            case SUBOPTIMALITY -> "chart.suboptimality";
            case EQUILIBRIUM_DISTANCE -> "chart.equilibrium";
            case LOSS -> "chart.loss";
        });
    }

    /**
     * Run {@code run} diverged at {@code step}: from now on it is clipped at every chart's edge,
     * with a marker at that step (not where the curve first left the axis: S1's η = 0.21 grows
     * past the others' range at step 27 and diverges at 283).
     */
    public void setDiverged(int run, int step) {
        if (diverged.add(run)) {
            divergedAt.put(run, step);
            markDiverged();
        }
    }

    private void markDiverged() {
        String label = getTranslation("chart.diverged");
        java.util.Map<Integer, Double> lossX = new java.util.TreeMap<>();
        divergedAt.forEach((run, step) -> {
            int b = samples.getValue() && run < batchSizes.length ? batchSizes[run] : 0;
            lossX.put(run, (double) step * (b > 0 ? b : 1));
        });
        java.util.Map<Integer, Double> stepX = new java.util.TreeMap<>();
        divergedAt.forEach((run, step) -> stepX.put(run, (double) step));
        loss.setDiverged(diverged, lossX, label);
        for (ApexChart c : List.of(lr, grad, update, effStep, sums)) {
            c.setDiverged(diverged, stepX, label);
        }
    }

    /** Titles, toolbar language and export headers in the new language; the curves stay. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        String step = getTranslation("chart.step");
        String empty = getTranslation("chart.empty");
        String lang = event.getLocale().toLanguageTag();
        loss.relabel(lossTitle(), samples.getValue() ? getTranslation("chart.samples") : step, empty, lossTitle(), lang);
        for (var c : List.of(java.util.Map.entry(lr, "chart.lr"), java.util.Map.entry(grad, "chart.grad"),
                java.util.Map.entry(update, "chart.update"), java.util.Map.entry(effStep, "chart.effstep"),
                java.util.Map.entry(sums, "chart.sums"))) {
            String title = getTranslation(c.getValue());
            c.getKey().relabel(title, step, empty, title, lang);
        }
        logLoss.setLabel(getTranslation("chart.logScale"));
        smooth.setLabel(getTranslation("chart.smooth"));
        samples.setLabel(getTranslation("chart.samplesAxis"));
        end.relabel();
        if (!diverged.isEmpty()) {
            markDiverged();
        }
    }

    /** One run's new points: states (x = step) for the loss, updates (x = step they leave) for the rest. */
    public record Series(double[] stateX, double[] loss, double[] lossEma, double[] updateX, double[] lr,
                         double[] grad, double[] update, double[] effectiveStep, double[] lrSum,
                         double[] lrSquaredSum) {
    }

    /** Appends each run's points to its series in the charts. */
    public void append(List<Series> runs) {
        List<double[]> lossX = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double[] xs = runs.get(i).stateX().clone();
            int b = samples.getValue() && i < batchSizes.length ? batchSizes[i] : 0;
            if (b > 0) {
                // samples processed after step t: B·t (S5's linear rule lines up on this axis)
                for (int k = 0; k < xs.length; k++) {
                    xs[k] *= b;
                }
            }
            lossX.add(xs);
        }
        List<double[]> lossY = column(runs, Series::loss);
        if (smooth.getValue()) {
            lossX = doubledColumns(lossX, lossX);
            lossY = doubledColumns(lossY, column(runs, Series::lossEma));
        }
        loss.appendPoints(lossX, lossY);
        List<double[]> ux = column(runs, Series::updateX);
        lr.appendPoints(ux, column(runs, Series::lr));
        grad.appendPoints(ux, column(runs, Series::grad));
        update.appendPoints(ux, column(runs, Series::update));
        effStep.appendPoints(ux, column(runs, Series::effectiveStep));
        sums.appendPoints(doubledColumns(ux, ux), doubledColumns(column(runs, Series::lrSum),
                column(runs, Series::lrSquaredSum)));
    }

    private static List<double[]> doubledColumns(List<double[]> a, List<double[]> b) {
        List<double[]> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<double[]> column(List<Series> runs, java.util.function.Function<Series, double[]> f) {
        return runs.stream().map(f).toList();
    }

    /** Fired when the user switches the loss axis between log and linear (the charts are redrawn empty). */
    public static final class LogScaleChanged extends com.vaadin.flow.component.ComponentEvent<ChartsPanel> {
        public LogScaleChanged(ChartsPanel source) {
            super(source, true);
        }
    }

    public com.vaadin.flow.shared.Registration addLogScaleListener(
            com.vaadin.flow.component.ComponentEventListener<LogScaleChanged> l) {
        return addListener(LogScaleChanged.class, l);
    }
}
