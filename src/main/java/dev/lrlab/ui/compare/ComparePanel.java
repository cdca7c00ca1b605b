package dev.lrlab.ui.compare;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.experiment.ViewFit;
import dev.lrlab.experiment.compare.SpecDiff;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.playground.CanvasLabels;
import dev.lrlab.ui.playground.ExperimentPanel;
import dev.lrlab.ui.playground.LandscapePlot;
import dev.lrlab.ui.playground.ReadoutPanel;
import dev.lrlab.ui.playground.SendToClassButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One panel of the Compare page: a whole experiment with its own landscape, its readouts at the
 * timeline's step, the "what differs" line and, folded away, the playground's forms to change it.
 */
final class ComparePanel extends Div {
    private final int index;
    private final ExperimentWorkspace workspace;
    private final IntFunction<String> colorOf;
    private final H3 title = new H3();
    private final Span differs = new Span();
    private final LandscapeCanvas canvas = new LandscapeCanvas();
    private final ReadoutPanel readouts = new ReadoutPanel();
    private final ExperimentPanel forms;
    private final Details editor;
    final Button duplicate = new Button(VaadinIcon.COPY.create());
    final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private Map<String, Object> shownLandscape;

    /** @param colorOf the overlay colour of this panel's run i */
    ComparePanel(int index, ExperimentWorkspace workspace, ExperimentService experiments, ClassroomService classes,
            IntFunction<String> colorOf) {
        this.index = index;
        this.workspace = workspace;
        this.colorOf = colorOf;
        this.forms = new ExperimentPanel(workspace, experiments);
        addClassName("lr-compare-panel");
        setId("panel-" + index);
        getStyle().set("min-width", "0").set("max-width", "100%")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s)").set("box-sizing", "border-box");
        // in a quarter of the row the buttons wrap under the title instead of breaking "Panel 1" in two
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-l)").set("flex", "1")
                .set("white-space", "nowrap");
        for (Button b : List.of(duplicate, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        duplicate.setId("duplicate-" + index);
        remove.setId("remove-" + index);
        // shown only in a browser that teaches a class: this panel's experiment goes to every seat
        SendToClassButton send = new SendToClassButton(classes, workspace::compiled).compact("send-to-class-" + index);
        Div head = new Div(title, send, duplicate, remove);
        // a projector shows the picture, not the desk's buttons (styles.css, .lr-presenting)
        for (var c : List.of(send, duplicate, remove)) {
            c.addClassName("lr-desk");
        }
        head.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)")
                .set("flex-wrap", "wrap");
        differs.setId("differs-" + index);
        differs.getStyle().set("display", "block").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("min-height", "1.4em").set("overflow-wrap", "anywhere");
        canvas.setId("landscape-" + index);
        canvas.addClassName("lr-canvas");
        canvas.getStyle().set("height", "300px").set("display", "block");
        canvas.addViewChangeListener(e -> {
            Compiled c = workspace.compiled();
            if (c != null) {
                canvas.setField(LandscapePlot.field(c.landscape(), start(c), e.getX0(), e.getX1(), e.getY0(), e.getY1()));
            }
        });
        editor = new Details();
        editor.add(forms);
        editor.setWidthFull();
        editor.addClassName("lr-panel-editor"); // folded away on a projector until "Experiment settings"
        add(head, differs, canvas, readouts, editor);
    }

    int index() {
        return index;
    }

    LandscapeCanvas canvas() {
        return canvas;
    }

    ReadoutPanel readouts() {
        return readouts;
    }

    ExperimentPanel forms() {
        return forms;
    }

    /** Redraws what depends on the compiled experiment: the landscape when it changed, the forms' state. */
    void showCompiled(ExperimentService experiments) {
        forms.showCompiled();
        Compiled c = workspace.compiled();
        if (c == null) {
            return;
        }
        Map<String, Object> landscape = c.spec().landscape().toJson();
        if (!landscape.equals(shownLandscape)) {
            shownLandscape = landscape;
            Landscape.ViewBox box = ViewFit.of(c);
            canvas.setField(LandscapePlot.field(c.landscape(), start(c), box.xMin(), box.xMax(), box.yMin(), box.yMax()));
        }
        if (!c.engine().runs().isEmpty()) {
            readouts.showPreview(experiments.preview(c, 0));
        }
    }

    void showDifferences(List<SpecDiff.Difference> diffs) {
        differs.setText(index == 0 ? getTranslation("compare.baseline")
                : diffs.isEmpty() ? getTranslation("compare.same")
                : getTranslation("compare.differs", String.join(", ", diffs.stream().map(SpecDiff.Difference::text).toList())));
    }

    /** Before a run: this panel's runs on its canvas, in their overlay colours. */
    void startRun(int stride) {
        Compiled c = workspace.compiled();
        List<LandscapeCanvas.Run> runs = new ArrayList<>();
        for (RunConfig r : c.engine().runs()) {
            runs.add(new LandscapeCanvas.Run(colorOf.apply(r.index()), r.label() == null ? "" : r.label(), true));
        }
        canvas.setRuns(runs);
        canvas.setStride(stride);
        readouts.clearStep();
    }

    void clearRun() {
        canvas.setRuns(List.of());
        readouts.clearStep();
    }

    void relabel(boolean canRemove, boolean canAdd) {
        title.setText(getTranslation("compare.panel", index + 1));
        duplicate.setText(getTranslation("compare.duplicate"));
        remove.setText(getTranslation("compare.remove"));
        remove.setEnabled(canRemove);
        duplicate.setEnabled(canAdd && workspace.compiled() != null);
        editor.setSummaryText(getTranslation("compare.edit"));
        forms.relabel();
        readouts.relabel();
        canvas.setLabels(CanvasLabels.of(this::getTranslation));
    }

    private double[] start(Compiled c) {
        List<RunConfig> runs = c.engine().runs();
        return runs.isEmpty() ? new double[]{0, 0} : runs.get(0).start();
    }
}
