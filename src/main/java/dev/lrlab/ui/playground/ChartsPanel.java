package dev.lrlab.ui.playground;

import dev.lrlab.experiment.LossAxis;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
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
    private LossAxis.Kind lossKind = LossAxis.Kind.LOSS;

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

    /** Empties the charts and sets one series per run; the loss chart plots {@code lossKind}. */
    public void reset(List<String> runNames, List<String> runColors, LossAxis.Kind lossKind) {
        this.lossKind = lossKind;
        reset(runNames, runColors);
    }

    private void reset(List<String> runNames, List<String> runColors) {
        this.names = runNames;
        this.colors = runColors;
        String step = getTranslation("chart.step");
        String empty = getTranslation("chart.empty");
        String lossTitle = getTranslation(switch (lossKind) {
            case SUBOPTIMALITY -> "chart.suboptimality";
            case EQUILIBRIUM_DISTANCE -> "chart.equilibrium";
            case LOSS -> "chart.loss";
        });
        loss.setOptions(ChartOptions.streamingLine(lossTitle, step, empty, names, colors, logLoss.getValue()));
        lr.setOptions(ChartOptions.zeroBasedY(
                ChartOptions.streamingLine(getTranslation("chart.lr"), step, empty, names, colors, false)));
        grad.setOptions(ChartOptions.streamingLine(getTranslation("chart.grad"), step, empty, names, colors, true));
        update.setOptions(ChartOptions.streamingLine(getTranslation("chart.update"), step, empty, names, colors, true));
        logLoss.setLabel(getTranslation("chart.logScale"));
    }

    /** One run's new points: states (x = step) for the loss, updates (x = step they leave) for the rest. */
    public record Series(double[] stateX, double[] loss, double[] updateX, double[] lr, double[] grad,
                         double[] update) {
    }

    /** Appends each run's points to its series in the four charts. */
    public void append(List<Series> runs) {
        loss.appendPoints(column(runs, Series::stateX), column(runs, Series::loss));
        lr.appendPoints(column(runs, Series::updateX), column(runs, Series::lr));
        grad.appendPoints(column(runs, Series::updateX), column(runs, Series::grad));
        update.appendPoints(column(runs, Series::updateX), column(runs, Series::update));
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
