package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.sweep.SpecPath;
import java.util.List;

/** What the class found: the class chart (final loss vs the swept value, 2/λmax) and the answers. */
final class ClassBoard extends Div {
    private final ExperimentService experiments;
    private final int font;
    private final H3 chartTitle = new H3();
    private final Image chart = new Image();
    private final H3 answersTitle = new H3();
    private final AnswerBars answers = new AnswerBars();
    private Object edgeKey;
    private Double edge;

    /** @param font tick size of the chart in px (18+ on the projector) */
    ClassBoard(ExperimentService experiments, int font) {
        this.experiments = experiments;
        this.font = font;
        addClassName("lr-class-board");
        chart.addClassName("lr-class-chart");
        chart.setId("class-chart");
        answers.setId("answers");
        add(chartTitle, chart, answersTitle, answers);
    }

    void show(ClassState s, boolean withChart, boolean withAnswers) {
        chartTitle.setText(getTranslation("class.chart.heading"));
        answersTitle.setText(getTranslation("class.answers.heading"));
        boolean hasQuestion = s.question().kind() != ClassState.Question.Kind.NONE;
        answersTitle.setVisible(withAnswers && hasQuestion);
        answers.setVisible(withAnswers && hasQuestion);
        if (withAnswers && hasQuestion) {
            answers.show(s);
        }
        chartTitle.setVisible(withChart && s.spec() != null);
        chart.setVisible(withChart && s.spec() != null);
        if (!withChart || s.spec() == null) {
            return;
        }
        List<ClassChart.Point> pts = ClassChart.points(s);
        double lo;
        double hi;
        if (s.sweep() != null) {
            lo = s.sweep().min();
            hi = s.sweep().max();
        } else {
            lo = pts.stream().mapToDouble(ClassChart.Point::x).min().orElse(0.01) / 2;
            hi = pts.stream().mapToDouble(ClassChart.Point::x).max().orElse(1) * 2;
        }
        String svg = ClassChart.svg(pts, edge(s), lo, hi, MainFields.label(ClassChart.xPath(s), this::getTranslation),
                this::getTranslation, font);
        Svg.set(chart, svg, getTranslation("class.chart.alt", pts.size()));
        chart.getElement().setAttribute("data-points", Integer.toString(pts.size()));
    }

    /** 2/λmax of the swept run at its start, computed once per pushed experiment. */
    private Double edge(ClassState s) {
        Object key = List.of(s.spec(), ClassChart.xPath(s));
        if (!key.equals(edgeKey)) {
            edgeKey = key;
            Compiled c = experiments.compile(s.spec());
            int run = Math.max(0, SpecPath.parse(ClassChart.xPath(s), "path").runIndex());
            var h = experiments.preview(c, Math.min(run, c.engine().runs().size() - 1)).analysis().hessian();
            edge = h == null ? null : h.stableLr();
        }
        return edge;
    }
}
