package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.lrlab.experiment.EndReadout;
import dev.lrlab.experiment.LastSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Next to the charts, once a run ended: per run the sharpness λmax at its end point against the
 * limit 2/η of its last lr (S26: a large η cannot stay where λmax &gt; 2/η) and, on a landscape
 * with a shifted test copy, the end point's test loss (flat minima generalise, S26, S27); with
 * roll-back, how many steps were rejected and the lr left (S17 asks exactly that); with noisy
 * runs, the mean loss and mean ‖Δθ‖² over the last N steps, N a field the student can change
 * (S4, S19, S24, S28 compare exactly those means).
 */
public class EndReadouts extends Div {

    private List<String> names = List.of();
    private List<EndReadout> ends = List.of();
    private final Div title = new Div();
    /** Kept across redraws so typing in it is not interrupted. */
    private final IntegerField window = new IntegerField();
    private final Div rows = new Div();
    /** N as chosen by the student or the preset; null: each run's last tenth, shown in the field. */
    private Integer chosen;
    private IntConsumer onWindow = n -> {
    };

    public EndReadouts() {
        setId("end-readouts");
        addClassName("lr-end-readouts");
        title.addClassName("lr-section-title");
        window.setId("end-window");
        window.addClassName("lr-end-window");
        window.setMin(1);
        window.setMax(MAX_WINDOW);
        window.setStepButtonsVisible(true);
        window.addValueChangeListener(e -> {
            Integer n = e.getValue();
            if (e.isFromClient() && n != null && n >= 1 && n <= MAX_WINDOW) {
                chosen = n;
                onWindow.accept(n);
            }
        });
        add(title, window, rows);
        setVisible(false);
    }

    /** The longest window the field accepts (the longest run the engine records). */
    static final int MAX_WINDOW = 1_000_000;

    /** Called with N when the student changes the window; the owner recomputes and calls {@link #show}. */
    public void onWindowChange(IntConsumer listener) {
        onWindow = listener;
    }

    /** The window the student (or the preset) chose, or null for each run's default. */
    public Integer window() {
        return chosen;
    }

    /** Sets the window (null: each run's last tenth). */
    public void setWindow(Integer n) {
        chosen = n == null ? null : Math.max(1, Math.min(MAX_WINDOW, n));
        window.setValue(chosen);
    }

    public void clear() {
        names = List.of();
        ends = List.of();
        rows.removeAll();
        setVisible(false);
    }

    public void show(List<String> runNames, List<EndReadout> runEnds) {
        names = List.copyOf(runNames);
        ends = new ArrayList<>(runEnds);
        // the field shows the N the means were taken over (the chosen one, or the default)
        if (chosen == null) {
            runEnds.stream().filter(e -> e != null && e.last() != null).findFirst()
                    .ifPresent(e -> window.setValue(e.last().steps()));
        }
        relabel();
    }

    /** Redraws in the current language. */
    public void relabel() {
        rows.removeAll();
        title.setText(getTranslation("end.title"));
        window.setLabel(getTranslation("end.window"));
        boolean any = false;
        boolean means = false;
        for (int i = 0; i < ends.size(); i++) {
            EndReadout e = ends.get(i);
            if (e == null || (e.sharpness() == null && e.last() == null)) {
                continue;
            }
            any = true;
            Div row = new Div();
            row.addClassName("lr-end-row");
            row.add(new Span(names.get(i) + ": "));
            if (e.sharpness() != null) {
                row.add(value("end-sharpness-" + i, getTranslation("end.sharpness", ReadoutPanel.fmt(e.sharpness()))));
            }
            if (e.edge() != null && e.sharpness() != null) {
                row.add(value("end-edge-" + i, getTranslation(e.beyondEdge() ? "end.edge.beyond" : "end.edge.within",
                        ReadoutPanel.fmt(e.edge()), e.edgeName())));
            }
            if (e.testLoss() != null) {
                row.add(value("end-test-" + i, getTranslation("end.test", ReadoutPanel.fmt(e.testLoss()))));
            }
            if (e.rollbacks() != null) {
                EndReadout.RollbackCount rb = e.rollbacks();
                row.add(value("end-rollbacks-" + i, getTranslation("end.rollbacks", rb.count(),
                        ReadoutPanel.fmt(rb.multiplier()), ReadoutPanel.fmt(rb.lr()))));
            }
            LastSteps last = e.last();
            if (last != null && last.steps() > 0) {
                means = true;
                row.add(value("end-mean-loss-" + i, last.meanLoss() == null
                        ? getTranslation("end.meanLoss.none", last.steps())
                        : getTranslation("end.meanLoss", last.steps(), ReadoutPanel.fmt(last.meanLoss()))));
                if (last.meanSquaredUpdate() != null) {
                    row.add(value("end-mean-step-" + i, getTranslation("end.meanStep",
                            ReadoutPanel.fmt(last.meanSquaredUpdate()))));
                }
            }
            rows.add(row);
        }
        window.setVisible(means);
        setVisible(any);
    }

    private static Span value(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        s.addClassName("lr-end-value");
        return s;
    }
}
