package dev.lrlab.ui.compare;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.shared.Registration;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.sweep.LrRangeTest;
import dev.lrlab.experiment.sweep.PanelSweeps;
import dev.lrlab.experiment.sweep.StabilityMap;
import dev.lrlab.experiment.sweep.SweepJob;
import dev.lrlab.experiment.sweep.SweepResult;
import dev.lrlab.experiment.sweep.SweepSpec;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.spec.SpecException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Sweeps of one panel's experiment: the LR sweep, the (η, β) stability map and the LR range test.
 * Each computes off the UI thread on the server's bounded pool, with a progress bar and Cancel;
 * leaving the page cancels. Clicking a point of the LR sweep opens that run in the playground.
 */
final class SweepsPanel extends Div {
    private final ExperimentService experiments;
    private final Sweeps sweeps;
    private final Supplier<List<Compiled>> panels;
    private final Select<Integer> panel = new Select<>();
    private final TabSheet tabs = new TabSheet();
    private final Button lrRun = new Button();
    private final Button mapRun = new Button();
    private final Button rangeRun = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Div lrOut = out("lr-sweep");
    private final Div mapOut = out("stability-map");
    private final Div rangeOut = out("range-test");
    private final Paragraph note = new Paragraph();
    private SweepJob job;
    private SweepSpec lrSpec;
    private Registration poll;
    private long started;

    SweepsPanel(ExperimentService experiments, Sweeps sweeps, Supplier<List<Compiled>> panels) {
        this.experiments = experiments;
        this.sweeps = sweeps;
        this.panels = panels;
        setId("sweeps");
        setWidthFull();
        panel.setId("sweep-panel");
        lrRun.setId("run-lr-sweep");
        mapRun.setId("run-stability-map");
        rangeRun.setId("run-range-test");
        cancel.setId("cancel-sweep");
        note.setId("sweep-note");
        progress.setId("sweep-progress");
        for (Button b : List.of(lrRun, mapRun, rangeRun)) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        }
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        lrRun.addClickListener(e -> prepared(c -> PanelSweeps.lrSweep(sweeps, c, 0)).ifPresent(this::startLr));
        mapRun.addClickListener(e -> prepared(c -> PanelSweeps.stabilityMap(sweeps, c, PanelSweeps.MAP_POINTS,
                PanelSweeps.MAP_POINTS)).ifPresent(this::startMap));
        rangeRun.addClickListener(e -> startRange());
        cancel.addClickListener(e -> cancel());
        lrOut.getElement().addEventListener("click", e -> {
            String i = e.getEventData().get("event.target.getAttribute('data-i')").asString();
            if (i != null && i.matches("[0-9]+") && lrSpec != null) {
                String code = experiments.shareCode(lrSpec.specAt(Integer.parseInt(i)));
                getUI().ifPresent(ui -> ui.navigate("playground",
                        com.vaadin.flow.router.QueryParameters.simple(Map.of("s", code))));
            }
        }).addEventData("event.target.getAttribute('data-i')");
        tabs.add("", new Div(lrRun, lrOut)).setId("tab-lr-sweep");
        tabs.add("", new Div(mapRun, mapOut)).setId("tab-stability-map");
        tabs.add("", new Div(rangeRun, rangeOut)).setId("tab-range-test");
        tabs.setWidthFull();
        Div bar = new Div(panel, progress, cancel);
        bar.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("flex-wrap", "wrap");
        progress.setWidth("12em");
        idle();
        add(bar, note, tabs);
    }

    private static Div out(String id) {
        Div d = new Div();
        d.setId(id);
        d.setWidthFull();
        return d;
    }

    /**
     * An SVG picture as a component. It is wrapped in a div because Flow creates an {@code Html}
     * root with createElement, which puts an {@code <svg>} root in the HTML namespace: the
     * browser then draws none of it. Parsed as a div's innerHTML, the SVG gets its own namespace.
     */
    private static Html svg(String svg) {
        return new Html("<div style='width:100%'>" + svg + "</div>");
    }

    /** The panels changed: the selector offers each of them. */
    void setPanels(int count) {
        Integer was = panel.getValue();
        panel.setItems(IntStream.range(0, count).boxed().toList());
        panel.setValue(was != null && was < count ? was : 0);
    }

    void relabel() {
        panel.setLabel(getTranslation("sweep.panel"));
        panel.setItemLabelGenerator(i -> getTranslation("compare.panel", i + 1));
        lrRun.setText(getTranslation("sweep.lr.run"));
        mapRun.setText(getTranslation("sweep.map.run"));
        rangeRun.setText(getTranslation("sweep.range.run"));
        cancel.setText(getTranslation("sweep.cancel"));
        tabs.getTabAt(0).setLabel(getTranslation("sweep.lr"));
        tabs.getTabAt(1).setLabel(getTranslation("sweep.map"));
        tabs.getTabAt(2).setLabel(getTranslation("sweep.range"));
    }

    /** Opens the tab of a preset's sweep and computes it. */
    void runPreset(Map<String, Object> sweep) {
        panel.setValue(((Number) sweep.getOrDefault("panel", 0)).intValue());
        boolean map = "stability".equals(sweep.get("kind"));
        tabs.setSelectedIndex(map ? 1 : 0);
        prepared(c -> PanelSweeps.ofPreset(sweeps, panels.get(), sweep)).ifPresent(map ? this::startMap : this::startLr);
    }

    private java.util.Optional<SweepSpec> prepared(java.util.function.Function<Compiled, SweepSpec> how) {
        List<Compiled> all = panels.get();
        Integer i = panel.getValue();
        if (all == null || i == null || i >= all.size()) {
            note.setText(getTranslation("sweep.invalid"));
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(how.apply(all.get(i)));
        } catch (SpecException e) {
            note.setText(getTranslation("sweep.cannot", (e.field() == null ? "" : e.field() + ": ") + e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private void startLr(SweepSpec s) {
        lrSpec = s;
        start(s, r -> {
            SweepResult.RunAnalysis a = r.analysis().get(0);
            lrOut.removeAll();
            lrOut.add(svg(SvgPlots.lrSweep(r, getTranslation("sweep.axis.lr"), getTranslation("sweep.axis.finalLoss"),
                    getTranslation("sweep.edge", Numbers.format(a.stableLr())),
                    getTranslation("sweep.heavy", Numbers.format(a.heavyBallStableLr())))));
            long diverged = r.points().stream().filter(SweepResult.SweepPoint::diverged).count();
            return getTranslation("sweep.lr.done", r.points().size(), diverged, Numbers.format(a.stableLr()));
        });
    }

    private void startMap(SweepSpec s) {
        StabilityMap.Boundary boundary = StabilityMap.boundary(s);
        start(s, r -> {
            mapOut.removeAll();
            mapOut.add(svg(SvgPlots.stabilityMap(r, boundary, getTranslation("sweep.axis.lrLinear"),
                    getTranslation("sweep.axis.beta"), getTranslation("sweep.boundary"))));
            long diverged = r.points().stream().filter(SweepResult.SweepPoint::diverged).count();
            return getTranslation("sweep.map.done", r.points().size(), diverged, Numbers.format(boundary.lambdaMax()));
        });
    }

    private void start(SweepSpec s, java.util.function.Function<SweepResult, String> show) {
        cancel();
        UI ui = UI.getCurrent();
        started = System.nanoTime();
        SweepJob j = sweeps.start(s);
        job = j;
        busy(ui);
        j.result().whenComplete((r, err) -> ui.access(() -> {
            if (job != j) {
                return;
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            idle();
            if (err != null) {
                note.setText(j.isCancelled() ? getTranslation("sweep.cancelled") : getTranslation("sweep.failed",
                        String.valueOf(err.getMessage())));
            } else {
                note.setText(show.apply(r) + " " + getTranslation("sweep.took", ms));
            }
        }));
    }

    private void startRange() {
        List<Compiled> all = panels.get();
        Integer i = panel.getValue();
        if (all == null || i == null || i >= all.size()) {
            note.setText(getTranslation("sweep.invalid"));
            return;
        }
        cancel();
        tabs.setSelectedIndex(2);
        UI ui = UI.getCurrent();
        LrRangeTest test = new LrRangeTest(experiments);
        LrRangeTest.Request req = new LrRangeTest.Request(all.get(i), 0, LrRangeTest.DEFAULT_START_LR,
                LrRangeTest.DEFAULT_END_LR, LrRangeTest.DEFAULT_STEPS);
        long t0 = System.nanoTime();
        note.setText(getTranslation("sweep.running"));
        CompletableFuture.supplyAsync(() -> test.run(req)).whenComplete((r, err) -> ui.access(() -> {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (err != null) {
                note.setText(getTranslation("sweep.failed", String.valueOf(err.getMessage())));
                return;
            }
            rangeOut.removeAll();
            String lr = Numbers.format(r.suggestion().lr());
            // a run whose loss never falls has no steepest descent: say so instead of naming "–" as the lr
            String explain = r.suggestion().lr() == null
                    ? getTranslation("sweep.range.none", r.stoppedAtStep())
                    : getTranslation("sweep.range.explain", lr, Numbers.format(r.minimum().lr()), r.stoppedAtStep());
            rangeOut.add(svg(SvgPlots.rangeTest(r, getTranslation("sweep.axis.lr"),
                    getTranslation("sweep.axis.smoothed"), getTranslation("sweep.range.suggested", lr))));
            Paragraph why = new Paragraph(explain);
            why.setId("range-explain");
            rangeOut.add(why);
            note.setText(getTranslation("sweep.took", ms));
        }));
    }

    private void busy(UI ui) {
        progress.setVisible(true);
        progress.setValue(0);
        cancel.setVisible(true);
        note.setText(getTranslation("sweep.running"));
        ui.setPollInterval(250);
        poll = ui.addPollListener(e -> {
            if (job != null) {
                progress.setValue(Math.max(0, Math.min(1, job.progress())));
            }
        });
    }

    private void idle() {
        progress.setVisible(false);
        cancel.setVisible(false);
        if (poll != null) {
            poll.remove();
            poll = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    void cancel() {
        if (job != null && !job.isDone()) {
            job.cancel();
        }
        idle();
    }

    @Override
    protected void onDetach(DetachEvent e) {
        cancel(); // leaving the page stops the grid's remaining points
        job = null;
        super.onDetach(e);
    }
}
