package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.experiment.EndReadout;
import java.util.ArrayList;
import java.util.List;

/**
 * Next to the charts, once a run ended: per run the sharpness λmax at its end point against the
 * limit 2/η of its last lr (S26: a large η cannot stay where λmax &gt; 2/η) and, on a landscape
 * with a shifted test copy, the end point's test loss (flat minima generalise, S26, S27); with
 * roll-back, how many steps were rejected and the lr left (S17 asks exactly that).
 */
public class EndReadouts extends Div {

    private List<String> names = List.of();
    private List<EndReadout> ends = List.of();

    public EndReadouts() {
        setId("end-readouts");
        addClassName("lr-end-readouts");
        setVisible(false);
    }

    public void clear() {
        names = List.of();
        ends = List.of();
        removeAll();
        setVisible(false);
    }

    public void show(List<String> runNames, List<EndReadout> runEnds) {
        names = List.copyOf(runNames);
        ends = new ArrayList<>(runEnds);
        relabel();
    }

    /** Redraws in the current language. */
    public void relabel() {
        removeAll();
        boolean any = false;
        Div title = new Div(new Span(getTranslation("end.title")));
        title.addClassName("lr-section-title");
        add(title);
        for (int i = 0; i < ends.size(); i++) {
            EndReadout e = ends.get(i);
            if (e == null || e.sharpness() == null) {
                continue;
            }
            any = true;
            Div row = new Div();
            row.addClassName("lr-end-row");
            row.add(new Span(names.get(i) + ": "));
            row.add(value("end-sharpness-" + i, getTranslation("end.sharpness", ReadoutPanel.fmt(e.sharpness()))));
            if (e.edge() != null) {
                row.add(value("end-edge-" + i, getTranslation(e.beyondEdge() ? "end.edge.beyond" : "end.edge.within",
                        ReadoutPanel.fmt(e.edge()))));
            }
            if (e.testLoss() != null) {
                row.add(value("end-test-" + i, getTranslation("end.test", ReadoutPanel.fmt(e.testLoss()))));
            }
            if (e.rollbacks() != null) {
                EndReadout.RollbackCount rb = e.rollbacks();
                row.add(value("end-rollbacks-" + i, getTranslation("end.rollbacks", rb.count(),
                        ReadoutPanel.fmt(rb.multiplier()), ReadoutPanel.fmt(rb.lr()))));
            }
            add(row);
        }
        setVisible(any);
    }

    private static Span value(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        s.addClassName("lr-end-value");
        return s;
    }
}
