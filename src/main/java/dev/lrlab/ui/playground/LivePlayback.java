package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentDraft;
import dev.lrlab.experiment.ChartSetup;
import dev.lrlab.experiment.EndReadout;
import dev.lrlab.experiment.LastSteps;
import dev.lrlab.experiment.LossAxis;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveCapacityException;
import dev.lrlab.live.LiveHistory;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.live.vaadin.UiFeed;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The playground's live run: opens a {@link LiveSession} for the compiled experiment, sends it the
 * run controls' commands and draws the immutable batches it hands over onto the landscape, the
 * charts, the timeline, the status and the readouts. It never touches a simulator: the rows come
 * from batches and the session's history only. Public so the class pages draw a seat's run the
 * same way the playground does.
 */
public final class LivePlayback {
    private final LiveUiService live;
    private final Component host;
    private final RunControls controls;
    private final RunStatus status;
    private final LandscapeCanvas canvas;
    private final Timeline timeline;
    private final ChartsPanel charts;
    private final ReadoutPanel readouts;

    private CompiledExperiment running;
    /** The typed spec of {@code running} (which optimizer each run has: the end readouts name its edge). */
    private dev.lrlab.experiment.ExperimentSpec runningSpec;
    /** The session while it lives (null once it ended). */
    private LiveSession current;
    /** The session whose rows are shown; kept after it ended so the timeline can scrub. */
    private LiveSession shown;
    private UiFeed feed;
    /** The last batch drawn: how far each run is on screen, and its status. */
    private LiveBatch applied;
    private ChartThinning thinning = new ChartThinning(1, 1, new LossAxis(LossAxis.Kind.LOSS, 0));
    private int playhead = -1;
    /** Told when a run reaches its end (a class seat hands its run in then). */
    private Runnable onEnded = () -> { };

    public LivePlayback(LiveUiService live, Component host, RunControls controls, RunStatus status, LandscapeCanvas canvas,
                 Timeline timeline, ChartsPanel charts, ReadoutPanel readouts) {
        this.live = live;
        this.host = host;
        this.controls = controls;
        this.status = status;
        this.canvas = canvas;
        this.timeline = timeline;
        this.charts = charts;
        this.readouts = readouts;
        // a new N re-reads the same ended result: nothing is simulated again
        charts.onMeanWindowChange(n -> {
            if (shown != null && applied != null && applied.ended()) {
                showEnd();
            }
        });
    }

    /** What the empty charts were last drawn for (names, colours, language, quantities). */
    private List<Object> emptyKey;

    /** Before a run: empty charts with the runs' names and colours, the timeline's length. */
    void showEmpty(Compiled c, ExperimentDraft draft) {
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        int maxSteps = 0;
        for (RunConfig r : c.engine().runs()) {
            names.add(r.label() == null || r.label().isBlank() ? host.getTranslation("runs.unnamed", r.index() + 1)
                    : r.label());
            colors.add(draft.color(r.index()));
            maxSteps = Math.max(maxSteps, r.steps());
        }
        ChartSetup setup = ChartSetup.of(c.engine());
        List<Object> key = List.of(names, colors, locale().toLanguageTag(), setup.key());
        if (!key.equals(emptyKey)) {
            emptyKey = key;
            charts.reset(names, colors, setup);
        }
        timeline.setTotal(maxSteps);
    }

    private java.util.Locale locale() {
        UI ui = host.getUI().orElse(UI.getCurrent());
        return ui == null ? java.util.Locale.ROOT : ui.getLocale();
    }

    public void setOnEnded(Runnable onEnded) {
        this.onEnded = onEnded;
    }

    /** True while a result (running or ended) is on screen. */
    public boolean hasResult() {
        return shown != null;
    }

    /** Run / Pause / Resume. */
    public void playPause(Compiled experiment, ExperimentDraft draft) {
        if (current == null) {
            start(experiment, draft, false);
        } else if (!current.isPlaying()) {
            try {
                current.play();
            } catch (LiveCapacityException e) {
                showBusy(e, () -> playPause(experiment, draft));
                return;
            }
            timeline.follow();
            controls.setState(RunControls.State.PLAYING);
        } else {
            current.pause();
            controls.setState(RunControls.State.PAUSED);
            status.paused(applied == null ? 0 : applied.step());
        }
    }

    public void step(Compiled experiment, ExperimentDraft draft, int n) {
        if (current == null) {
            start(experiment, draft, true);
        }
        if (current != null) {
            current.step(n);
            controls.setState(RunControls.State.PAUSED);
        }
    }

    public void speed(int stepsPerSecond) {
        if (current != null) {
            try {
                current.speed(stepsPerSecond);
            } catch (LiveCapacityException e) {
                showBusy(e, () -> speed(stepsPerSecond));
            }
        }
        timeline.setStepsPerSecond(stepsPerSecond);
    }

    private void start(Compiled experiment, ExperimentDraft draft, boolean paused) {
        stop();
        closeFeed();
        if (experiment == null) {
            return;
        }
        running = experiment.engine();
        runningSpec = experiment.spec();
        ChartSetup setup = ChartSetup.of(running);
        int maxSteps = setup.maxSteps();
        thinning = ChartThinning.forSteps(maxSteps, LossAxis.of(running.landscape())).smoothingNoisyRunsOf(running);
        List<LandscapeCanvas.Run> canvasRuns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < running.runs().size(); i++) {
            names.add(label(i));
            colors.add(draft.color(i));
            canvasRuns.add(new LandscapeCanvas.Run(draft.color(i), names.get(i), draft.isVisible(i)));
        }
        emptyKey = null;
        canvas.setRuns(canvasRuns);
        canvas.setStride(thinning.stride);
        charts.reset(names, colors, setup);
        timeline.reset();
        timeline.setTotal(maxSteps);
        int sps = controls.stepsPerSecond();
        timeline.setStepsPerSecond(sps);
        status.clearBanner();
        playhead = -1;
        readouts.clearStep();
        LiveSession session = live.open(running, thinning.stride, sps);
        shown = session;
        applied = null;
        feed = live.watch(UI.getCurrent(), session, batch -> {
            if (shown == session) {
                onBatch(batch);
            }
        });
        if (!paused) {
            try {
                session.play();
            } catch (LiveCapacityException e) {
                closeFeed();
                session.stop();
                shown = null;
                showBusy(e, () -> playPause(experiment, draft));
                return;
            }
        }
        current = session;
        controls.setState(paused ? RunControls.State.PAUSED : RunControls.State.PLAYING);
    }

    private void onBatch(LiveBatch batch) {
        applied = batch;
        int n = batch.runs().size();
        List<double[][]> points = new ArrayList<>(n);
        List<ChartsPanel.Series> series = new ArrayList<>(n);
        boolean oneD = running.landscape().dim() == 1;
        List<String> diverged = new ArrayList<>();
        for (LiveBatch.RunRows rb : batch.runs()) {
            Recorder.Rows rows = rb.rows();
            double[][] pts = new double[rows.steps().length][];
            for (int i = 0; i < pts.length; i++) {
                double[] th = rows.theta()[i];
                pts[i] = oneD ? new double[]{th[0], rows.loss()[i]} : new double[]{th[0], th.length > 1 ? th[1] : 0};
            }
            points.add(pts);
            series.add(thinning.series(rb.run(), rows, rb.status() != RunSimulator.Status.RUNNING));
            if (rb.status() == RunSimulator.Status.DIVERGED) {
                canvas.setDiverged(rb.run(), rb.divergedAtStep());
                charts.setDiverged(rb.run(), rb.divergedAtStep());
                diverged.add(host.getTranslation("status.divergedRun", label(rb.run()), rb.divergedAtStep()));
            }
        }
        canvas.appendTrajectory(points);
        charts.append(series);
        timeline.setAvailable(batch.step());
        status.diverged(diverged);
        if (batch.tooSlow() != null) {
            status.tooSlow(batch.tooSlow());
        } else if (batch.mode() == LiveSession.Mode.PLAYING) {
            status.clearTooSlow();
        }
        if (batch.ended()) {
            current = null;
            closeFeed();
            controls.setState(RunControls.State.IDLE);
            status.ended(batch);
            showEnd();
            onEnded.run();
        } else if (current == null) {
            // stopped while this batch was on its way: the status already says so
        } else if (batch.mode() == LiveSession.Mode.PAUSED || !current.isPlaying()) {
            // a batch sent just before Pause arrives after it: the status follows the session, not the batch
            if (batch.tooSlow() != null) {
                controls.setState(RunControls.State.PAUSED); // paused by the server: the button offers Resume
            }
            status.paused(batch.step());
        } else {
            status.running(batch.step());
        }
    }

    /** Sharpness at the end vs 2/η and the test loss (S26, S27): cheap from the last state of a small landscape. */
    private void showEnd() {
        if (running.landscape().isGame() || running.landscape().dim() > END_MAX_DIM || shown == null) {
            return;
        }
        LiveHistory h = shown.history();
        List<String> names = new ArrayList<>();
        List<EndReadout> ends = new ArrayList<>();
        int window = meanWindow();
        for (int run = 0; run < h.runs(); run++) {
            names.add(label(run));
            int rows = h.rows(run);
            int updates = h.updateRows(run);
            if (rows == 0 || updates == 0) {
                ends.add(null);
                continue;
            }
            Recorder.Rows last = h.read(run, rows - 1, 1, updates - 1, 1);
            double[] theta = last.theta()[0];
            EndReadout end = theta.length == running.landscape().dim()
                    ? EndReadout.of(running.landscape(), theta, last.lr()[0], running.runs().get(run),
                            runningSpec.runs().get(run))
                            .withRollbacks(running.runs().get(run), (updates - 1) * shown.stride(), last.lr()[0])
                    : null;
            if (end != null && window > 0) {
                end = end.withLast(LastSteps.of(h.read(run), shown.stride(), window));
            }
            ends.add(end);
        }
        charts.showEnd(names, ends);
    }

    /**
     * N for the means over the last N steps, or 0 when no run is noisy (a deterministic run's
     * end value says it all): the student's or preset's N, else the longest run's last tenth.
     */
    private int meanWindow() {
        ChartSetup setup = ChartSetup.of(running);
        if (!setup.noisy()) {
            return 0;
        }
        Integer chosen = charts.meanWindow();
        return chosen != null ? chosen : LastSteps.defaultWindow(setup.maxSteps());
    }

    /** Beyond this dimension the end Hessian is not worth a UI-thread eigen solve. */
    private static final int END_MAX_DIM = 50;

    private String label(int run) {
        String l = running.runs().get(run).label();
        return l == null || l.isBlank() ? host.getTranslation("runs.unnamed", run + 1) : l;
    }

    /** Over the node's live capacity: say so and offer to try again. */
    private void showBusy(LiveCapacityException e, Runnable retry) {
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(10_000);
        Button again = new Button(host.getTranslation("live.retry"), ev -> {
            n.close();
            retry.run();
        });
        n.add(new Span(host.getTranslation(LiveCapacityException.MESSAGE_KEY, e.messageArgs())), again);
        n.open();
    }

    private void closeFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    /** Stops a live session (its rows stay on screen). */
    public void stop() {
        if (current != null) {
            current.stop();
            current = null;
            controls.setState(RunControls.State.IDLE);
            LiveBatch last = shown == null ? null : shown.last();
            status.stopped(last == null ? 0 : last.step());
        }
    }

    /** Stops and clears the result: the picture then belongs to no run. */
    public void reset() {
        emptyKey = null;
        stop();
        closeFeed();
        shown = null;
        applied = null;
        canvas.setRuns(List.of());
        timeline.reset();
        status.clearBanner();
        readouts.clearStep();
    }

    /** Everything stops when the view detaches. */
    public void detach() {
        stop();
        closeFeed();
    }

    /** Readouts at the timeline's step, for the selected run. */
    public void showStep(int step, int selected) {
        playhead = step;
        if (shown == null || playhead < 0 || selected >= shown.history().runs()) {
            return;
        }
        LiveHistory rec = shown.history();
        int row = Math.min(playhead / thinning.stride, rec.rows(selected) - 1);
        if (row < 0) {
            return;
        }
        // the last state has no update leaving it: show the update that reached it
        Recorder.Rows r = rec.read(selected, row, 1, Math.max(0, Math.min(row, rec.updateRows(selected) - 1)), 1);
        Double loss = r.loss().length > 0 ? r.loss()[0] : null;
        Double lr = r.lr().length > 0 ? r.lr()[0] : null;
        Double g = r.gradNorm().length > 0 ? r.gradNorm()[0] : null;
        readouts.showStep(r.steps().length > 0 ? r.steps()[0] : playhead, loss, lr, g);
    }

    void showSelectedStep(int selected) {
        showStep(playhead, selected);
    }

    /** Re-sends the recorded rows to the charts (after the loss axis changed). */
    public void replayCharts() {
        if (shown == null || applied == null) {
            return;
        }
        // only what the charts had: later rows are on their way in the next batch
        List<ChartsPanel.Series> series = new ArrayList<>();
        thinning.restart();
        for (LiveBatch.RunRows drawn : applied.runs()) {
            Recorder.Rows upTo = drawn.rows();
            series.add(thinning.series(drawn.run(), shown.history().read(drawn.run(), 0, upTo.firstRow() + upTo.steps().length, 0,
                    upTo.firstUpdate() + upTo.lr().length), drawn.status() != RunSimulator.Status.RUNNING));
        }
        charts.append(series);
    }
}
