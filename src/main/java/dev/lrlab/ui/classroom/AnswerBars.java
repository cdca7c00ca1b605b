package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.classroom.ClassState;
import java.util.ArrayList;
import java.util.List;

/** The answers' distribution: one bar per choice, or the numbers in six bins. */
final class AnswerBars extends Div {
    AnswerBars() {
        addClassName("lr-answers");
    }

    void show(ClassState s) {
        removeAll();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (s.question().kind() == ClassState.Question.Kind.CHOICE) {
            for (String c : ClassState.Question.CHOICES) {
                labels.add(getTranslation("class.choice." + c));
                counts.add((int) s.predictions().stream().filter(p -> c.equals(p.choice())).count());
            }
        } else if (s.question().kind() == ClassState.Question.Kind.NUMBER) {
            List<Double> xs = s.predictions().stream().map(ClassState.Prediction::number)
                    .filter(v -> v != null).sorted().toList();
            if (xs.isEmpty()) {
                add(new Span(getTranslation("class.answers.none")));
                return;
            }
            double lo = xs.get(0);
            double hi = xs.get(xs.size() - 1);
            int bins = hi > lo ? 6 : 1;
            for (int b = 0; b < bins; b++) {
                double a = lo + (hi - lo) * b / bins;
                double z = lo + (hi - lo) * (b + 1) / bins;
                int bin = b;
                labels.add(bins == 1 ? Svg.label(lo) : Svg.label(a) + " – " + Svg.label(z));
                counts.add((int) xs.stream().filter(v -> Math.min(bins - 1,
                        (int) ((v - lo) / (hi - lo) * bins)) == bin || bins == 1).count());
            }
        } else {
            return;
        }
        int max = Math.max(1, counts.stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int i = 0; i < labels.size(); i++) {
            Div bar = new Div();
            bar.addClassName("lr-answer-bar");
            bar.setWidth(Math.round(100.0 * counts.get(i) / max) + "%");
            Div track = new Div(bar);
            track.addClassName("lr-answer-track");
            Div row = new Div(new Span(labels.get(i)), track, new Span(Integer.toString(counts.get(i))));
            row.addClassName("lr-answer-row");
            add(row);
        }
    }
}
