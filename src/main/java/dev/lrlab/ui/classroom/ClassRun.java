package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.experiment.ChartSetup;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.experiment.ViewFit;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.Timeline;
import dev.lrlab.ui.playground.CanvasLabels;
import dev.lrlab.ui.playground.ChartsPanel;
import dev.lrlab.ui.playground.LandscapePlot;
import dev.lrlab.ui.playground.LivePlayback;
import dev.lrlab.ui.playground.ReadoutPanel;
import dev.lrlab.ui.playground.RunControls;
import dev.lrlab.ui.playground.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One experiment running live on a class page, drawn by the playground's own parts
 * ({@link LivePlayback} on the landscape, timeline, readouts and charts). Each page runs its own
 * session of the same deterministic spec: the server sends specs and commands, never trajectories.
 */
final class ClassRun extends Div {
    private final ExperimentService experiments;
    private final ExperimentWorkspace workspace;
    private final RunControls controls = new RunControls();
    private final RunStatus status = new RunStatus();
    private final LandscapeCanvas canvas = new LandscapeCanvas();
    private final Timeline timeline = new Timeline();
    private final ReadoutPanel readouts = new ReadoutPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final LivePlayback playback;
    private Map<String, Object> loaded;

    ClassRun(LiveUiService live, ExperimentService experiments, boolean withCharts) {
        this.experiments = experiments;
        this.workspace = new ExperimentWorkspace(experiments);
        this.playback = new LivePlayback(live, this, controls, status, canvas, timeline, charts, readouts);
        addClassName("lr-class-run");
        canvas.setId("landscape");
        canvas.addClassName("lr-canvas");
        timeline.setId("timeline");
        timeline.addPlayheadListener(e -> playback.showStep(e.getStep(), 0));
        controls.addCommandListener(e -> {
            Compiled c = workspace.compiled();
            switch (e.command()) {
                case PLAY_PAUSE -> playback.playPause(c, workspace.draft());
                case STEP -> playback.step(c, workspace.draft(), e.value());
                case STOP -> playback.stop();
                case RESET -> reset();
                case SPEED -> playback.speed(e.value());
            }
        });
        Div main = new Div(controls, status, canvas, timeline, readouts);
        main.addClassName("lr-class-run-main");
        add(main);
        charts.addLogScaleListener(ev -> playback.replayCharts());
        charts.setVisible(withCharts);
        add(charts);
    }

    /** Loads a spec (a no-op when it is the one shown): the landscape and empty charts, no run yet. */
    void load(Map<String, Object> spec) {
        if (spec == null || spec.equals(loaded)) {
            return;
        }
        loaded = spec;
        playback.reset();
        workspace.load(spec);
        show();
    }

    /** The same for a spec the page compiled already (one compile per push on a seat). */
    void load(Map<String, Object> spec, Compiled compiled) {
        if (spec == null || spec.equals(loaded)) {
            return;
        }
        loaded = spec;
        playback.reset();
        workspace.load(compiled);
        show();
    }

    private void show() {
        Compiled c = workspace.compiled();
        controls.setRunnable(c != null);
        if (c == null) {
            status.invalid(workspace.error().field() == null ? "" : workspace.error().field());
            return;
        }
        List<RunConfig> runs = c.engine().runs();
        Landscape.ViewBox box = ViewFit.of(c);
        canvas.setField(LandscapePlot.field(c.landscape(), runs.get(0).start(), box.xMin(), box.xMax(), box.yMin(),
                box.yMax()));
        readouts.showPreview(experiments.preview(c, 0));
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        int steps = 0;
        for (RunConfig r : runs) {
            names.add(r.label() == null || r.label().isBlank() ? getTranslation("runs.unnamed", r.index() + 1) : r.label());
            colors.add(workspace.draft().color(r.index()));
            steps = Math.max(steps, r.steps());
        }
        charts.reset(names, colors, ChartSetup.of(c.engine()));
        timeline.setTotal(steps);
        status.idle();
    }

    Compiled compiled() {
        return workspace.compiled();
    }

    /** The instructor's "start": plays unless playing already. */
    void play() {
        if (controls.state() != RunControls.State.PLAYING && workspace.compiled() != null) {
            playback.playPause(workspace.compiled(), workspace.draft());
        }
    }

    void pause() {
        if (controls.state() == RunControls.State.PLAYING) {
            playback.playPause(workspace.compiled(), workspace.draft());
        }
    }

    void reset() {
        playback.reset();
        Map<String, Object> spec = loaded;
        loaded = null;
        load(spec);
    }

    void onEnded(Runnable r) {
        playback.setOnEnded(r);
    }

    void relabel() {
        controls.relabel();
        readouts.relabel();
        canvas.setLabels(CanvasLabels.of(this::getTranslation));
        timeline.setAriaLabel(getTranslation("timeline.aria"));
        timeline.setLabelFormat(getTranslation("timeline.format"));
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        timeline.setTargets(canvas);
        List<String> targets = new ArrayList<>(charts.targetIds());
        targets.add(0, "landscape");
        timeline.setTargetIds(targets);
        relabel();
    }

    @Override
    protected void onDetach(DetachEvent e) {
        playback.detach();
        super.onDetach(e);
    }
}
