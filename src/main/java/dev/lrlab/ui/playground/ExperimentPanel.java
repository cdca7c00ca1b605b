package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentDraft;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.experiment.LrCurve;
import dev.lrlab.spec.SpecException;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The forms: the landscape, the run chips and the selected run's editor, with the lr preview of
 * that run. Every form event becomes one edit of the {@link ExperimentWorkspace} (one compile);
 * the panel then fires an {@link EditedEvent}. Selecting or hiding a run is no edit and fires
 * {@link SelectedEvent} / {@link VisibilityEvent}.
 */
public class ExperimentPanel extends Div {
    private final ExperimentWorkspace workspace;
    private final ExperimentDraft draft;
    private final ExperimentService experiments;
    private final Span landscapeTitle = new Span();
    private final Span runsTitle = new Span();
    private final ParamForm landscapeForm = new ParamForm(FormCatalog.Kind.LANDSCAPE, "landscape");
    private final RunChips chips = new RunChips();
    private final RunEditor editor = new RunEditor();
    private final ApexChart schedulePreview = new ApexChart();
    private final Span scheduleNote = new Span();

    public ExperimentPanel(ExperimentWorkspace workspace, ExperimentService experiments) {
        this.workspace = workspace;
        this.draft = workspace.draft();
        this.experiments = experiments;
        addClassName("lr-side");
        landscapeTitle.addClassName("lr-section-title");
        landscapeTitle.setId("landscape-title");
        runsTitle.addClassName("lr-section-title");
        landscapeForm.setId("landscape-form");
        landscapeForm.addChangeListener(e -> landscapeChanged());
        chips.setMax(experiments.limits().maxRuns());
        chips.addActionListener(this::onRunAction);
        editor.addChangeListener(e -> edited(workspace.setRun(editor.getValue())));
        schedulePreview.setId("schedule-preview");
        schedulePreview.setHeight("180px");
        scheduleNote.addClassName("lr-muted");
        scheduleNote.setId("schedule-note");
        add(landscapeTitle, landscapeForm, runsTitle, chips, editor, schedulePreview, scheduleNote);
    }

    /** Fills every form from the workspace's freshly loaded experiment. */
    public void showLoaded() {
        landscapeForm.setValue(draft.landscape());
        showSelected();
    }

    /** A click on the landscape: the selected run starts there. */
    public void setStart(double[] at) {
        workspace.edit(d -> d.setStart(at));
        editor.setValue(draft.run(draft.selected()));
        fireEvent(new EditedEvent(this));
    }

    private void landscapeChanged() {
        workspace.setLandscape(landscapeForm.getValue());
        if (workspace.compiled() != null) {
            editor.setGameLandscape(workspace.compiled().landscape().isGame());
        }
        editor.setValue(draft.run(draft.selected()));
        fireEvent(new EditedEvent(this));
    }

    private void onRunAction(RunChips.ActionEvent e) {
        switch (e.action()) {
            case SELECT -> {
                draft.select(e.run());
                showSelected();
                showSchedulePreview();
                fireEvent(new SelectedEvent(this));
            }
            case ADD, DUPLICATE, REMOVE -> {
                boolean possible = e.action() == RunChips.Action.REMOVE ? draft.canRemoveRun() : draft.canAddRun();
                if (possible) {
                    workspace.edit(e.action() == RunChips.Action.ADD ? ExperimentDraft::addRun
                            : e.action() == RunChips.Action.DUPLICATE ? ExperimentDraft::duplicateRun
                            : ExperimentDraft::removeRun);
                    showSelected();
                    fireEvent(new EditedEvent(this));
                }
            }
            case TOGGLE -> {
                draft.setVisible(e.run(), e.value());
                fireEvent(new VisibilityEvent(this, e.run(), e.value()));
            }
        }
    }

    private void edited(boolean compiles) {
        fireEvent(new EditedEvent(this));
    }

    private void showSelected() {
        editor.setPath("runs[" + draft.selected() + "]");
        editor.setValue(draft.run(draft.selected()));
        editor.relabel();
        refreshChips();
    }

    private void refreshChips() {
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < draft.runCount(); i++) {
            labels.add(draft.label(i));
            colors.add(draft.color(i));
        }
        chips.show(labels, colors, draft.visibility(), draft.selected());
    }

    /** After each compile: field errors, or the forms' parts that follow the compiled experiment. */
    public void showCompiled() {
        landscapeForm.clearErrors();
        editor.clearErrors();
        Compiled c = workspace.compiled();
        if (c == null) {
            showError(workspace.error());
            // the curve on screen belongs to the last valid experiment, not to this one
            schedulePreview.setVisible(false);
            scheduleNote.setText(getTranslation("schedule.preview.invalid"));
            return;
        }
        refreshChips();
        editor.setGameLandscape(c.landscape().isGame());
        showSchedulePreview();
    }

    private void showError(SpecException e) {
        String message = Messages.localize(e.getMessage(), getLocale());
        String field = e.field() == null ? "" : e.field();
        boolean shown = landscapeForm.showError(field, message);
        if (!shown && field.startsWith("runs[")) {
            int i = runIndex(field);
            if (i >= 0 && i != draft.selected() && i < draft.runCount()) {
                draft.select(i);
                showSelected();
            }
            shown = editor.showError(field, message);
        }
        if (!shown) {
            Notification n = Notification.show(field + ": " + message, 5000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static int runIndex(String field) {
        int close = field.indexOf(']');
        try {
            return Integer.parseInt(field.substring(5, close));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void showSchedulePreview() {
        Compiled c = workspace.compiled();
        if (c == null || draft.selected() >= c.engine().runs().size()) {
            return;
        }
        LrCurve curve = experiments.lrCurve(c, draft.selected(), 600);
        if (curve.curvature()) {
            schedulePreview.setVisible(false);
            scheduleNote.setText(getTranslation("schedule.curvature.note"));
            return;
        }
        schedulePreview.setVisible(true);
        scheduleNote.setText(getTranslation("schedule.preview.note"));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < curve.steps().length; i++) {
            xs.add(curve.steps()[i]);
            ys.add(curve.lr()[i]);
        }
        schedulePreview.setOptions(ChartOptions.series(getTranslation("schedule.preview"), getTranslation("chart.step"),
                getTranslation("chart.lr"), draft.color(draft.selected()), xs, ys));
    }

    public void relabel() {
        landscapeTitle.setText(getTranslation("section.landscape"));
        runsTitle.setText(getTranslation("section.runs"));
        landscapeForm.relabel();
        chips.relabel();
        editor.relabel();
        refreshChips();
        showSchedulePreview();
    }

    public Registration addEditedListener(ComponentEventListener<EditedEvent> l) {
        return addListener(EditedEvent.class, l);
    }

    public Registration addSelectedListener(ComponentEventListener<SelectedEvent> l) {
        return addListener(SelectedEvent.class, l);
    }

    public Registration addVisibilityListener(ComponentEventListener<VisibilityEvent> l) {
        return addListener(VisibilityEvent.class, l);
    }

    /** The experiment changed (and was compiled once): the workspace holds the result or the error. */
    public static class EditedEvent extends ComponentEvent<ExperimentPanel> {
        EditedEvent(ExperimentPanel source) {
            super(source, false);
        }
    }

    /** Another run was selected for editing. */
    public static class SelectedEvent extends ComponentEvent<ExperimentPanel> {
        SelectedEvent(ExperimentPanel source) {
            super(source, false);
        }
    }

    /** A run was shown or hidden. */
    public static class VisibilityEvent extends ComponentEvent<ExperimentPanel> {
        private final int run;
        private final boolean shown;

        VisibilityEvent(ExperimentPanel source, int run, boolean shown) {
            super(source, false);
            this.run = run;
            this.shown = shown;
        }

        public int run() {
            return run;
        }

        public boolean shown() {
            return shown;
        }
    }
}
