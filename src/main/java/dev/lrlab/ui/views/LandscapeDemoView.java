package dev.lrlab.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import dev.lrlab.ui.MainLayout;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.LandscapeField;
import dev.lrlab.ui.landscape.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** TEMPORARY demo of the landscape canvas and timeline (to be deleted before merge). */
@Route(value = "landscape-demo", layout = MainLayout.class)
public class LandscapeDemoView extends VerticalLayout implements BeforeEnterObserver {

    private final LandscapeCanvas canvas = new LandscapeCanvas();
    private final Timeline timeline = new Timeline();
    private final ApexChart chart = new ApexChart();
    private final Span readout = new Span();
    private ScheduledExecutorService exec;
    private String mode = "2d";

    static double rosen(double x, double y) {
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    public LandscapeDemoView() {
        canvas.setId("landscape");
        chart.setId("chart");
        timeline.setId("player");
        readout.setId("readout");
        chart.setHeight("220px");
        add(canvas, timeline, readout, chart);
        timeline.setTargets(canvas, chart);
        timeline.setAriaLabel("Timeline");
        timeline.setLabelFormat("step {0} / {1}");
        timeline.addPlayheadListener(e -> readout.setText("server saw step " + e.getStep()));
        canvas.addPickListener(e -> readout.setText("pick " + e.getX() + ", " + e.getY()));
        canvas.addViewChangeListener(e -> {
            if (mode.equals("2d")) {
                canvas.setField(LandscapeField.sample(LandscapeDemoView::rosen, e.getX0(), e.getX1(), e.getY0(), e.getY1(),
                        120, 90, true, List.of(new LandscapeField.Minimum(1, 1, "min"))));
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        mode = event.getLocation().getQueryParameters().getParameters().getOrDefault("mode", List.of("2d")).get(0);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        chart.setOptions(ChartOptions.streamingLine("Loss", "Step", "–", List.of("a", "b", "c"),
                List.of("#e53935", "#1e88e5", "#43a047"), true));
        boolean stress = mode.equals("stress");
        if (mode.equals("1d")) {
            canvas.setField(LandscapeField.sampleCurve(x -> x * x * x * x - 2 * x * x + 0.3 * x, -2, 2, 400,
                    List.of(new LandscapeField.Minimum(-1.04, f1(-1.04), "global"))));
        } else {
            canvas.setField(LandscapeField.sample(LandscapeDemoView::rosen, -2, 2, -1, 3, 120, 90, null,
                    List.of(new LandscapeField.Minimum(1, 1, "min"))));
        }
        int runsN = stress ? 8 : 3;
        List<LandscapeCanvas.Run> runs = new ArrayList<>();
        String[] colors = {"#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#6d4c41", "#f06292"};
        for (int r = 0; r < runsN; r++) {
            runs.add(new LandscapeCanvas.Run(colors[r], "run " + r, true));
        }
        canvas.setRuns(runs);
        int total = stress ? 10_000 : 400;
        timeline.reset();
        timeline.setTotal(total);
        timeline.setStepsPerSecond(stress ? 0 : 60);
        double[][] pos = new double[runsN][];
        double[][] vel = new double[runsN][2];
        for (int r = 0; r < runsN; r++) {
            pos[r] = mode.equals("1d") ? new double[] {1.8 - 0.1 * r, 0} : new double[] {-1.5 + 0.1 * r, 2.5 - 0.2 * r};
        }
        int[] step = {0};
        exec = Executors.newSingleThreadScheduledExecutor();
        int perBatch = stress ? 2000 : 4;
        exec.scheduleAtFixedRate(() -> ui.access(() -> {
            if (step[0] > total) {
                return;
            }
            List<double[][]> add = new ArrayList<>();
            List<double[]> cx = new ArrayList<>();
            List<double[]> cy = new ArrayList<>();
            int from = step[0];
            int to = Math.min(total, from + perBatch - 1);
            for (int r = 0; r < runsN; r++) {
                double[][] pts = new double[to - from + 1][];
                double[] sx = new double[pts.length];
                double[] sy = new double[pts.length];
                for (int s = from; s <= to; s++) {
                    if (s > 0) {
                        advance(pos[r], vel[r], r);
                    }
                    double x = pos[r][0];
                    pts[s - from] = mode.equals("1d") ? new double[] {x, f1(x)} : new double[] {x, pos[r][1]};
                    sx[s - from] = s;
                    sy[s - from] = mode.equals("1d") ? f1(x) + 1.2 : rosen(pos[r][0], pos[r][1]);
                }
                add.add(pts);
                cx.add(sx);
                cy.add(sy);
            }
            canvas.appendTrajectory(add);
            if (runsN == 3) {
                chart.appendPoints(cx, cy);
            }
            if (!stress && from <= 120 && to >= 120) {
                canvas.setDiverged(2, 120);
            }
            timeline.setAvailable(to);
            step[0] = to + 1;
        }), 300, 60, TimeUnit.MILLISECONDS);
    }

    static double f1(double x) {
        return x * x * x * x - 2 * x * x + 0.3 * x;
    }

    private void advance(double[] p, double[] v, int r) {
        if (mode.equals("1d")) {
            double g = 4 * p[0] * p[0] * p[0] - 4 * p[0] + 0.3;
            v[0] = (r == 1 ? 0.9 : 0) * v[0] - 0.02 * g;
            p[0] += v[0];
            return;
        }
        double x = p[0];
        double y = p[1];
        double gx = -2 * (1 - x) - 400 * x * (y - x * x);
        double gy = 200 * (y - x * x);
        double lr = 0.0006 + 0.0004 * (r % 3);
        double mom = r % 2 == 1 ? 0.9 : 0;
        v[0] = mom * v[0] - lr * gx;
        v[1] = mom * v[1] - lr * gy;
        p[0] += v[0];
        p[1] += v[1];
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (exec != null) {
            exec.shutdownNow();
        }
        super.onDetach(detachEvent);
    }
}
