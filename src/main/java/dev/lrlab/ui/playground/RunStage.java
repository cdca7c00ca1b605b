package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentDraft;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parts every page that runs an experiment live has — run controls, status, landscape,
 * timeline, readouts, charts and the {@link LivePlayback} that draws into them — wired to each
 * other once. The playground, the embed and a class seat lay these parts out as they like and add
 * only what is theirs (forms, share panel, class buttons).
 */
public final class RunStage {
    private final Component host;
    private final ExperimentService experiments;
    private final ExperimentDraft draft;
    private final RunControls controls = new RunControls();
    private final RunStatus status = new RunStatus();
    private final LandscapeCanvas canvas = new LandscapeCanvas();
    private final Timeline timeline = new Timeline();
    private final ReadoutPanel readouts = new ReadoutPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final LivePlayback playback;

    /**
     * @param experiment the compiled experiment the controls run (read when a command arrives)
     * @param onReset    what Reset does beyond clearing the run (e.g. reload, empty charts)
     */
    public RunStage(LiveUiService live, Component host, ExperimentService experiments, ExperimentDraft draft,
                    Supplier<Compiled> experiment, Runnable onReset) {
        this.host = host;
        this.experiments = experiments;
        this.draft = draft;
        this.playback = new LivePlayback(live, host, controls, status, canvas, timeline, charts, readouts);
        canvas.setId("landscape");
        canvas.addClassName("lr-canvas");
        timeline.setId("timeline");
        timeline.addPlayheadListener(e -> playback.showStep(e.getStep(), draft.selected()));
        controls.addCommandListener(e -> {
            switch (e.command()) {
                case PLAY_PAUSE -> playback.playPause(experiment.get(), draft);
                case STEP -> playback.step(experiment.get(), draft, e.value());
                case STOP -> playback.stop();
                case RESET -> onReset.run();
                case SPEED -> playback.speed(e.value());
            }
        });
        charts.addLogScaleListener(e -> playback.replayCharts());
    }

    public RunControls controls() {
        return controls;
    }

    public RunStatus status() {
        return status;
    }

    public LandscapeCanvas canvas() {
        return canvas;
    }

    public Timeline timeline() {
        return timeline;
    }

    public ReadoutPanel readouts() {
        return readouts;
    }

    public ChartsPanel charts() {
        return charts;
    }

    public LivePlayback playback() {
        return playback;
    }

    /**
     * A freshly compiled experiment before any run: the landscape's first view, the selected
     * run's readouts, empty charts and the timeline's length.
     */
    public void showHome(Compiled c) {
        canvas.setField(LandscapePlot.home(c, draft.selected()));
        showAnalysis(c);
        playback.showEmpty(c, draft);
    }

    /** The selected run's readouts before running it. */
    public void showAnalysis(Compiled c) {
        if (c != null && draft.selected() < c.engine().runs().size()) {
            readouts.showPreview(experiments.preview(c, draft.selected()));
        }
    }

    /** When the page attaches: the timeline moves the landscape's marker and every chart's cursor. */
    public void attach() {
        timeline.setTargets(canvas);
        List<String> targets = new ArrayList<>(charts.targetIds());
        targets.add(0, "landscape");
        timeline.setTargetIds(targets);
    }

    /** Everything stops when the page detaches. */
    public void detach() {
        playback.detach();
    }

    /** The parts' texts in the page's language. */
    public void relabel() {
        controls.relabel();
        readouts.relabel();
        timeline.setAriaLabel(host.getTranslation("timeline.aria"));
        timeline.setLabelFormat(host.getTranslation("timeline.format"));
        canvas.setLabels(CanvasLabels.of(host::getTranslation));
    }
}
