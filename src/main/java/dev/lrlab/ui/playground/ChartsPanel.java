package dev.lrlab.ui.playground;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import java.util.ArrayList;
import java.util.List;

/** The four streaming curves of a run set: loss, learning rate, gradient norm, update norm. */
public class ChartsPanel extends Div {

    public static final String LOSS = "chart-loss";
    public static final String LR = "chart-lr";
    public static final String GRAD = "chart-grad";
    public static final String UPDATE = "chart-update";

    private final ApexChart loss = chart(LOSS);
    private final ApexChart lr = chart(LR);
    private final ApexChart grad = chart(GRAD);
    private final ApexChart update = chart(UPDATE);
    private final Checkbox logLoss = new Checkbox(true);
    private List<String> names = List.of();
    private List<String> colors = List.of();

    public ChartsPanel() {
        addClassName("lr-charts");
        logLoss.setId("log-loss");
        logLoss.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reset(names, colors);
                fireEvent(new LogScaleChanged(this));
            }
        });
        Div lossBox = new Div(loss, logLoss);
        lossBox.addClassName("lr-chart-box");
        add(lossBox, box(lr), box(grad), box(update));
    }

    private static ApexChart chart(String id) {
        ApexChart c = new ApexChart();
        c.setId(id);
        c.setHeight("240px");
        return c;
    }

    private static Div box(ApexChart c) {
        Div d = new Div(c);
        d.addClassName("lr-chart-box");
        return d;
    }

    public List<String> targetIds() {
        return List.of(LOSS, LR, GRAD, UPDATE);
    }

    /** Empties the charts and sets one series per run. */
    public void reset(List<String> runNames, List<String> runColors) {
        this.names = runNames;
        this.colors = runColors;
        String step = getTranslation("chart.step");
        String empty = getTranslation("chart.empty");
        loss.setOptions(ChartOptions.streamingLine(getTranslation("chart.loss"), step, empty, names, colors, logLoss.getValue()));
        lr.setOptions(ChartOptions.zeroBasedY(
                ChartOptions.streamingLine(getTranslation("chart.lr"), step, empty, names, colors, false)));
        grad.setOptions(ChartOptions.streamingLine(getTranslation("chart.grad"), step, empty, names, colors, true));
        update.setOptions(ChartOptions.streamingLine(getTranslation("chart.update"), step, empty, names, colors, true));
        logLoss.setLabel(getTranslation("chart.logScale"));
    }

    /** Appends per-run points: {@code stateSteps/loss} for the loss, {@code updateSteps/...} for the rest. */
    public void append(List<double[]> stateSteps, List<double[]> lossValues, List<double[]> updateSteps,
                       List<double[]> lrValues, List<double[]> gradValues, List<double[]> updateValues) {
        loss.appendPoints(stateSteps, lossValues);
        lr.appendPoints(updateSteps, lrValues);
        grad.appendPoints(updateSteps, gradValues);
        update.appendPoints(updateSteps, updateValues);
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

    static List<double[]> empties(int n) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new double[0]);
        }
        return out;
    }
}
