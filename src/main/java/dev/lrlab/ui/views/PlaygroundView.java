package dev.lrlab.ui.views;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.lrlab.core.skeleton.QuadraticGd;
import dev.lrlab.live.LiveRun;
import dev.lrlab.live.LiveRunService;
import dev.lrlab.live.SteppedJob;
import dev.lrlab.ui.MainLayout;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** First slice of the playground: GD on the quadratic with eigenvalues [1, 10] (S1). */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "playground", layout = MainLayout.class)
public class PlaygroundView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    static final double[][] HESSIAN = {{1, 0}, {0, 10}};
    static final double[] START = {-4, 2};

    private final LiveRunService live;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final NumberField lr = new NumberField();
    private final IntegerField steps = new IntegerField();
    private final Button run = new Button();
    private final Button stop = new Button();
    private final Span status = new Span();
    private final Readout lambdaMax = new Readout("lambda-max");
    private final Readout edge = new Readout("stability-edge");
    private final Readout etaLambda = new Readout("eta-lambda");
    private final ApexChart lossChart = new ApexChart();
    private LiveRun<double[][]> current;

    public PlaygroundView(LiveRunService live) {
        this.live = live;
        addClassName("lr-page");
        setPadding(false);

        lr.setId("lr");
        lr.setValue(0.15);
        lr.setStep(0.01);
        lr.setMin(0);
        lr.setMax(10);
        lr.setStepButtonsVisible(true);
        lr.addValueChangeListener(e -> updateReadouts());
        steps.setId("steps");
        steps.setValue(100);
        steps.setMin(1);
        steps.setMax(10_000);
        run.setId("run");
        run.setIcon(VaadinIcon.PLAY.create());
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        stop.setId("stop");
        stop.setIcon(VaadinIcon.STOP.create());
        stop.setEnabled(false);
        stop.addClickListener(e -> stopRun());
        status.setId("status");

        HorizontalLayout controls = new HorizontalLayout(lr, steps, run, stop);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);

        FlexLayout readouts = new FlexLayout(lambdaMax, edge, etaLambda);
        readouts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        readouts.getStyle().set("gap", "var(--lumo-space-l)");

        Div chartPanel = new Div(lossChart);
        chartPanel.addClassName("lr-panel");
        chartPanel.setWidthFull();
        lossChart.setId("loss-chart");

        add(heading, intro, controls, readouts, status, chartPanel);
        updateReadouts();
    }

    private void start() {
        stopRun();
        Double eta = lr.getValue();
        Integer n = steps.getValue();
        if (eta == null || lr.isInvalid() || eta < 0 || eta > 10) {
            lr.setInvalid(true);
            lr.setErrorMessage(getTranslation("playground.lr.invalid"));
            return;
        }
        if (n == null || steps.isInvalid() || n < 1 || n > 10_000) {
            steps.setInvalid(true);
            steps.setErrorMessage(getTranslation("playground.steps.invalid"));
            return;
        }
        lr.setInvalid(false);
        steps.setInvalid(false);
        resetChart();
        QuadraticGd gd = new QuadraticGd(HESSIAN, START, eta);
        UI ui = UI.getCurrent();
        run.setEnabled(false);
        stop.setEnabled(true);
        // callbacks of a run that was stopped or replaced are ignored: they may still be queued
        Object[] self = new Object[1];
        current = live.start(ui, new GdJob(gd, n), batch -> {
            if (current == self[0]) {
                onBatch(batch);
            }
        }, end -> {
            if (current == self[0]) {
                onEnd(gd);
            }
        }, 100, false);
        self[0] = current;
    }

    private void onBatch(double[][] batch) {
        if (batch[0].length == 0) {
            return;
        }
        lossChart.appendPoints(List.of(batch[0]), List.of(batch[1]));
        int last = (int) batch[0][batch[0].length - 1];
        status.setText(getTranslation("playground.status.running", last));
    }

    private void onEnd(QuadraticGd gd) {
        current = null;
        run.setEnabled(true);
        stop.setEnabled(false);
        double loss = gd.loss();
        status.setText(Double.isFinite(loss)
                ? getTranslation("playground.status.done", gd.step(), String.format(Locale.ROOT, "%.4g", loss))
                : getTranslation("playground.status.diverged", gd.step()));
    }

    private void stopRun() {
        if (current != null) {
            current.cancel();
            current = null;
            run.setEnabled(true);
            stop.setEnabled(false);
        }
    }

    private void updateReadouts() {
        double lmax = QuadraticGd.lambdaMax(HESSIAN);
        lambdaMax.setValue(fmt(lmax));
        edge.setValue(fmt(2 / lmax));
        Double eta = lr.getValue();
        etaLambda.setValue(eta == null ? "–" : fmt(eta * lmax));
    }

    private void resetChart() {
        lossChart.setOptions(ChartOptions.streamingLine(getTranslation("playground.chart.loss"),
                getTranslation("playground.chart.step"), getTranslation("playground.chart.empty"), List.of(getTranslation("playground.chart.loss")),
                List.of("#1e88e5"), true));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopRun();
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("playground.title"));
        intro.setText(getTranslation("playground.intro"));
        lr.setLabel(getTranslation("playground.lr"));
        steps.setLabel(getTranslation("playground.steps"));
        run.setText(getTranslation("playground.run"));
        stop.setText(getTranslation("playground.stop"));
        lambdaMax.setLabel(getTranslation("playground.readout.lambdaMax"));
        edge.setLabel(getTranslation("playground.readout.edge"));
        etaLambda.setLabel(getTranslation("playground.readout.etaLambda"));
        if (current == null) {
            status.setText(getTranslation("playground.status.idle"));
            resetChart();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("playground.title") + " · LR Lab";
    }

    /** Steps GD and collects (step, loss) rows; row 0 is the start. */
    private static final class GdJob implements SteppedJob<double[][]> {
        private final QuadraticGd gd;
        private final int total;
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private int size;
        private boolean started;

        GdJob(QuadraticGd gd, int total) {
            this.gd = gd;
            this.total = total;
        }

        @Override
        public boolean advance(int n) {
            if (!started) {
                record();
                started = true;
            }
            for (int i = 0; i < n && gd.step() < total && Double.isFinite(gd.loss()); i++) {
                gd.advance();
                record();
            }
            return gd.step() < total && Double.isFinite(gd.loss());
        }

        private void record() {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = gd.step();
            ys[size] = gd.loss();
            size++;
        }

        @Override
        public double[][] takeBatch() {
            double[][] batch = {Arrays.copyOf(xs, size), Arrays.copyOf(ys, size)};
            size = 0;
            return batch;
        }
    }

    /** A labelled number. */
    private static final class Readout extends Div {
        private final Span label = new Span();
        private final Span value = new Span();

        Readout(String id) {
            setId(id);
            addClassName("lr-readout");
            label.addClassName("lr-readout-label");
            value.addClassName("lr-readout-value");
            value.setId(id + "-value");
            getStyle().set("display", "flex").set("flex-direction", "column");
            add(label, value);
        }

        void setLabel(String text) {
            label.setText(text);
        }

        void setValue(String text) {
            value.setText(text);
        }
    }
}
