package dev.lrlab.ui.compare;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.lrlab.experiment.compare.BaselineDelta;
import dev.lrlab.experiment.compare.ComparisonResult;
import dev.lrlab.experiment.compare.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics table: one row per run of every panel; one row is the pinned baseline and every
 * other cell shows its value and its delta against it, coloured by whether it is better or worse
 * (the verdicts are {@link BaselineDelta}'s).
 */
final class MetricsGrid extends Div {
    private record Row(int index, RunMetrics metrics, List<BaselineDelta.Delta> deltas, boolean baseline) {
    }

    private final Grid<Row> grid = new Grid<>();
    private ComparisonResult result;
    private int baseline;

    MetricsGrid() {
        setId("metrics");
        setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        add(grid);
    }

    /** A new result: the baseline stays pinned when that run still exists. */
    void show(ComparisonResult r) {
        this.result = r;
        if (baseline >= r.metrics().size()) {
            baseline = 0;
        }
        rebuild();
    }

    void clear() {
        result = null;
        grid.setItems(List.of());
    }

    void relabel() {
        if (result != null) {
            rebuild();
        }
    }

    private void rebuild() {
        grid.removeAllColumns();
        grid.addColumn(new ComponentRenderer<>(this::pin)).setHeader(getTranslation("metrics.baseline"))
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        grid.addColumn(r -> getTranslation("compare.panelShort", r.metrics().panel() + 1) + " · " + name(r.metrics()))
                .setHeader(getTranslation("metrics.run")).setAutoWidth(true).setFrozen(true);
        for (BaselineDelta.Metric m : BaselineDelta.Metric.values()) {
            grid.addColumn(new ComponentRenderer<>(r -> cell(r, m.ordinal())))
                    .setHeader(getTranslation("metrics." + m.json())).setAutoWidth(true)
                    .setTextAlign(ColumnTextAlign.END);
        }
        List<List<BaselineDelta.Delta>> deltas = BaselineDelta.against(result.metrics(), baseline);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < result.metrics().size(); i++) {
            rows.add(new Row(i, result.metrics().get(i), deltas.get(i), i == baseline));
        }
        grid.setItems(rows);
    }

    private String name(RunMetrics m) {
        return m.label() == null || m.label().isBlank() ? getTranslation("runs.unnamed", m.run() + 1) : m.label();
    }

    private Component pin(Row r) {
        if (r.baseline()) {
            Span s = new Span(getTranslation("metrics.pinned"));
            s.getElement().getThemeList().add("badge success");
            s.setId("baseline-" + r.metrics().panel() + "-" + r.metrics().run());
            return s;
        }
        Button b = new Button(getTranslation("metrics.pin"), VaadinIcon.PIN.create(), e -> {
            baseline = r.index();
            rebuild();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.setId("pin-" + r.metrics().panel() + "-" + r.metrics().run());
        return b;
    }

    private Component cell(Row r, int metric) {
        BaselineDelta.Delta d = r.deltas().get(metric);
        Span value = new Span(Numbers.format(d.value()));
        Div out = new Div(value);
        out.getElement().setAttribute("data-metric", d.metric());
        out.getElement().setAttribute("data-value", d.value() == null ? "" : Double.toString(d.value()));
        if (!r.baseline() && d.difference() != null && d.verdict() != BaselineDelta.Verdict.SAME) {
            Span delta = new Span("Δ " + (d.difference() > 0 ? "+" : "") + Numbers.format(d.difference()));
            delta.addClassName("lr-delta");
            delta.getElement().setAttribute("data-verdict", d.verdict().name().toLowerCase(Locale.ROOT));
            delta.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)").set("color",
                    switch (d.verdict()) {
                        case BETTER -> "var(--lumo-success-text-color)";
                        case WORSE -> "var(--lumo-error-text-color)";
                        default -> "var(--lumo-secondary-text-color)";
                    });
            if (d.verdict() != BaselineDelta.Verdict.NONE) {
                delta.setTitle(getTranslation("metrics.verdict." + d.verdict().name().toLowerCase(Locale.ROOT)));
            }
            out.add(delta);
        } else if (!r.baseline() && d.verdict() != BaselineDelta.Verdict.SAME && d.verdict() != BaselineDelta.Verdict.NONE) {
            Span flag = new Span(getTranslation("metrics.verdict." + d.verdict().name().toLowerCase(Locale.ROOT)));
            flag.addClassName("lr-delta");
            flag.getElement().setAttribute("data-verdict", d.verdict().name().toLowerCase(Locale.ROOT));
            flag.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)").set("color",
                    d.verdict() == BaselineDelta.Verdict.BETTER ? "var(--lumo-success-text-color)"
                            : "var(--lumo-error-text-color)");
            out.add(flag);
        }
        return out;
    }
}
