package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.ui.playground.LivePlayback;
import dev.lrlab.ui.playground.RunControls;
import dev.lrlab.ui.playground.RunStage;
import java.util.Map;

/**
 * One experiment running live on a class page, drawn by the playground's own parts
 * ({@link LivePlayback} on the landscape, timeline, readouts and charts). Each page runs its own
 * session of the same deterministic spec: the server sends specs and commands, never trajectories.
 */
final class ClassRun extends Div {
    private final ExperimentWorkspace workspace;
    /** Controls, status, landscape, timeline, readouts, charts and the live run, wired as on the playground. */
    private final RunStage stage;
    private final LivePlayback playback;
    private Map<String, Object> loaded;

    ClassRun(LiveUiService live, ExperimentService experiments, boolean withCharts) {
        this.workspace = new ExperimentWorkspace(experiments);
        this.stage = new RunStage(live, this, experiments, workspace.draft(), workspace::compiled, this::reset);
        this.playback = stage.playback();
        addClassName("lr-class-run");
        Div main = new Div(stage.controls(), stage.status(), stage.canvas(), stage.timeline(), stage.readouts());
        main.addClassName("lr-class-run-main");
        add(main);
        stage.charts().setVisible(withCharts);
        add(stage.charts());
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
        stage.controls().setRunnable(c != null);
        if (c == null) {
            stage.status().invalid(workspace.error().field() == null ? "" : workspace.error().field());
            return;
        }
        stage.showHome(c);
        stage.status().idle();
    }

    Compiled compiled() {
        return workspace.compiled();
    }

    /** The instructor's "start": plays unless playing already. */
    void play() {
        if (stage.controls().state() != RunControls.State.PLAYING && workspace.compiled() != null) {
            playback.playPause(workspace.compiled(), workspace.draft());
        }
    }

    void pause() {
        if (stage.controls().state() == RunControls.State.PLAYING) {
            playback.playPause(workspace.compiled(), workspace.draft());
        }
    }

    /** Follows the instructor's pace from one class state to the next: reset, start, pause. */
    void followPace(ClassState before, ClassState now) {
        if (before != null && now.resetCount() > before.resetCount()) {
            reset();
        }
        if (now.phase() == Phase.RUNNING && (before == null || before.phase() != Phase.RUNNING)) {
            play();
        } else if (now.phase() == Phase.PAUSED && before != null && before.phase() == Phase.RUNNING) {
            pause();
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
        stage.relabel();
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        stage.attach();
        relabel();
    }

    @Override
    protected void onDetach(DetachEvent e) {
        stage.detach();
        super.onDetach(e);
    }
}
