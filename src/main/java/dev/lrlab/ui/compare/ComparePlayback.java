package dev.lrlab.ui.compare;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.LossAxis;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveCapacityException;
import dev.lrlab.live.LiveHistory;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.live.vaadin.UiFeed;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.Timeline;
import dev.lrlab.ui.playground.ChartThinning;
import dev.lrlab.ui.playground.ChartsPanel;
import dev.lrlab.ui.playground.RunControls;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compare page's live run: one {@link LiveSession} per panel, every command sent to all of
 * them, each panel's batches drawn on its own landscape and into the shared charts (its runs at
 * their offset in the overlay). The one timeline never passes the slowest panel still running, so
 * markers, chart cursors and readouts stay step for step; a panel that ended stays at its end.
 */
final class ComparePlayback {
    /** One panel's session and what of it is on screen. */
    private static final class Lane {
        final ComparePanel panel;
        final CompiledExperiment engine;
        final int offset;
        LiveSession session;
        UiFeed feed;
        LiveBatch applied;
        boolean ended;

        Lane(ComparePanel panel, CompiledExperiment engine, int offset) {
            this.panel = panel;
            this.engine = engine;
            this.offset = offset;
        }
    }

    private final LiveUiService live;
    private final Component host;
    private final RunControls controls;
    private final Timeline timeline;
    private final ChartsPanel charts;
    private final List<Lane> lanes = new ArrayList<>();
    private ChartThinning[] thinning = new ChartThinning[0];
    private int totalRuns;
    private int maxSteps;
    private boolean live_;

    ComparePlayback(LiveUiService live, Component host, RunControls controls, Timeline timeline, ChartsPanel charts) {
        this.live = live;
        this.host = host;
        this.controls = controls;
        this.timeline = timeline;
        this.charts = charts;
    }

    boolean hasResult() {
        return !lanes.isEmpty();
    }

    void playPause(List<Compiled> panels, List<ComparePanel> views) {
        if (!live_) {
            start(panels, views, false);
            return;
        }
        boolean playing = lanes.stream().anyMatch(l -> !l.ended && l.session.isPlaying());
        try {
            for (Lane l : lanes) {
                if (!l.ended) {
                    if (playing) {
                        l.session.pause();
                    } else {
                        l.session.play();
                    }
                }
            }
        } catch (LiveCapacityException e) {
            busy(e);
            return;
        }
        if (!playing) {
            timeline.follow();
        }
        controls.setState(playing ? RunControls.State.PAUSED : RunControls.State.PLAYING);
    }

    void step(List<Compiled> panels, List<ComparePanel> views, int n) {
        if (!live_) {
            start(panels, views, true);
        }
        for (Lane l : lanes) {
            if (!l.ended) {
                l.session.step(n);
            }
        }
        controls.setState(RunControls.State.PAUSED);
    }

    void speed(int sps) {
        try {
            for (Lane l : lanes) {
                if (!l.ended) {
                    l.session.speed(sps);
                }
            }
        } catch (LiveCapacityException e) {
            busy(e);
        }
        timeline.setStepsPerSecond(sps);
    }

    private void start(List<Compiled> panels, List<ComparePanel> views, boolean paused) {
        reset();
        if (panels == null) {
            return;
        }
        maxSteps = 0;
        totalRuns = 0;
        for (Compiled c : panels) {
            for (RunConfig r : c.engine().runs()) {
                maxSteps = Math.max(maxSteps, r.steps());
            }
        }
        thinning = new ChartThinning[panels.size()];
        int sps = controls.stepsPerSecond();
        for (int p = 0; p < panels.size(); p++) {
            CompiledExperiment e = panels.get(p).engine();
            // one stride for every panel: the same step is the same row everywhere
            thinning[p] = ChartThinning.forSteps(maxSteps, LossAxis.of(e.landscape())).smoothingNoisyRunsOf(e);
            Lane lane = new Lane(views.get(p), e, totalRuns);
            totalRuns += e.runs().size();
            lane.panel.startRun(thinning[p].stride);
            lanes.add(lane);
        }
        timeline.reset();
        timeline.setTotal(maxSteps);
        timeline.setStepsPerSecond(sps);
        UI ui = UI.getCurrent();
        for (int p = 0; p < lanes.size(); p++) {
            Lane lane = lanes.get(p);
            int index = p;
            lane.session = live.open(lane.engine, thinning[p].stride, sps);
            lane.feed = live.watch(ui, lane.session, b -> {
                if (lanes.size() > index && lanes.get(index) == lane) {
                    onBatch(index, lane, b);
                }
            });
        }
        live_ = true;
        if (!paused) {
            try {
                for (Lane l : lanes) {
                    l.session.play();
                }
            } catch (LiveCapacityException e) {
                reset();
                busy(e);
                return;
            }
        }
        controls.setState(paused ? RunControls.State.PAUSED : RunControls.State.PLAYING);
    }

    private void onBatch(int p, Lane lane, LiveBatch batch) {
        lane.applied = batch;
        List<ChartsPanel.Series> series = new ArrayList<>();
        for (int i = 0; i < lane.offset; i++) {
            series.add(EMPTY);
        }
        List<double[][]> points = new ArrayList<>();
        boolean oneD = lane.engine.landscape().dim() == 1;
        for (LiveBatch.RunRows rb : batch.runs()) {
            Recorder.Rows rows = rb.rows();
            double[][] pts = new double[rows.steps().length][];
            for (int i = 0; i < pts.length; i++) {
                double[] th = rows.theta()[i];
                pts[i] = oneD ? new double[]{th[0], rows.loss()[i]} : new double[]{th[0], th.length > 1 ? th[1] : 0};
            }
            points.add(pts);
            series.add(thinning[p].series(rb.run(), rows, rb.status() != RunSimulator.Status.RUNNING));
            if (rb.status() == RunSimulator.Status.DIVERGED) {
                lane.panel.canvas().setDiverged(rb.run(), rb.divergedAtStep());
                charts.setDiverged(lane.offset + rb.run(), rb.divergedAtStep());
            }
        }
        while (series.size() < totalRuns) {
            series.add(EMPTY);
        }
        lane.panel.canvas().appendTrajectory(points);
        charts.append(series);
        if (batch.tooSlow() != null) {
            // the server paused (or stopped) this panel's run: its steps are too slow to play live
            tooSlow(batch.tooSlow());
            for (Lane l : lanes) {
                if (!l.ended && l.session.isPlaying()) {
                    l.session.pause(); // the panels play side by side: they pause together
                }
            }
            controls.setState(RunControls.State.PAUSED);
        }
        if (batch.ended()) {
            lane.ended = true;
            lane.feed.close();
        }
        timeline.setAvailable(available());
        if (lanes.stream().allMatch(l -> l.ended)) {
            live_ = false;
            controls.setState(RunControls.State.IDLE);
        }
    }

    /** How far the timeline may go: the slowest panel still running; a panel that ended waits at its end. */
    private int available() {
        int min = Integer.MAX_VALUE;
        for (Lane l : lanes) {
            if (!l.ended) {
                min = Math.min(min, l.applied == null ? 0 : l.applied.step());
            }
        }
        return min == Integer.MAX_VALUE ? maxSteps : min;
    }

    private static final double[] NONE = new double[0];
    private static final ChartsPanel.Series EMPTY = new ChartsPanel.Series(NONE, NONE, NONE, NONE, NONE, NONE, NONE,
            NONE, NONE, NONE);

    /** Every panel's readouts at the timeline's step (a panel shorter than it shows its last row). */
    void showStep(int step) {
        for (Lane l : lanes) {
            LiveHistory h = l.session.history();
            if (h.runs() == 0 || h.rows(0) == 0) {
                continue;
            }
            int row = Math.min(step / l.session.stride(), h.rows(0) - 1);
            Recorder.Rows r = h.read(0, row, 1, Math.max(0, Math.min(row, h.updateRows(0) - 1)), 1);
            l.panel.readouts().showStep(r.steps().length > 0 ? r.steps()[0] : step,
                    r.loss().length > 0 ? r.loss()[0] : null, r.lr().length > 0 ? r.lr()[0] : null,
                    r.gradNorm().length > 0 ? r.gradNorm()[0] : null);
        }
    }

    void stop() {
        for (Lane l : lanes) {
            if (!l.ended) {
                l.session.stop();
            }
        }
        live_ = false;
        controls.setState(RunControls.State.IDLE);
    }

    /** Stops every session and forgets them (the panels' paths go too). */
    void reset() {
        stop();
        for (Lane l : lanes) {
            if (l.feed != null) {
                l.feed.close();
            }
            l.panel.clearRun();
        }
        lanes.clear();
        timeline.reset();
    }

    private void tooSlow(dev.lrlab.live.TooSlow t) {
        Notification n = Notification.show(host.getTranslation(t.messageKey(),
                t.duration(host.getUI().map(ui -> ui.getLocale()).orElse(java.util.Locale.ENGLISH))),
                10_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void busy(LiveCapacityException e) {
        Notification n = Notification.show(host.getTranslation(LiveCapacityException.MESSAGE_KEY, e.messageArgs()),
                8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
