package dev.lrlab.ui.compare;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.experiment.ChartSetup;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.DefaultExperiment;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.RunPalette;
import dev.lrlab.experiment.compare.Comparison;
import dev.lrlab.experiment.compare.ComparisonWorkspace;
import dev.lrlab.experiment.compare.SpecDiff;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.presets.ComparisonPreset;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.ui.landscape.Timeline;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.ui.playground.ChartsPanel;
import dev.lrlab.ui.playground.PresenterMode;
import dev.lrlab.ui.playground.PresetLookup;
import dev.lrlab.ui.playground.RunControls;
import dev.lrlab.ui.playground.ShareCodeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Compare page: 2–4 experiments side by side, driven by one timeline, their runs overlaid in
 * one set of charts, what differs per panel, the metrics table with a pinned baseline, and sweeps.
 * The address bar always holds the comparison ({@code ?c=<code>}). This class only wires: the
 * panels and their compiles are the {@link ComparisonWorkspace}'s, the live runs
 * {@link ComparePlayback}'s.
 */
@Route("compare")
@Menu(title = "nav.compare", order = 2, icon = "vaadin:split")
public class CompareView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {
    private static final Logger LOG = LoggerFactory.getLogger(CompareView.class);
    private final ExperimentService experiments;
    private final ClassroomService classes;
    private final PresetLookup presets;
    private final ComparisonWorkspace workspace;
    private final H2 heading = new H2();
    private final H3 presetTitle = new H3();
    private final Paragraph presetQuestion = new Paragraph();
    private final Paragraph broken = new Paragraph();
    private final RunControls controls = new RunControls();
    private final Button addPanel = new Button(VaadinIcon.PLUS.create());
    private final Div panelRow = new Div();
    private final Timeline timeline = new Timeline();
    private final ChartsPanel charts = new ChartsPanel();
    private final MetricsGrid metrics = new MetricsGrid();
    private final H3 metricsTitle = new H3();
    private final H3 sweepsTitle = new H3();
    private final SweepsPanel sweeps;
    private final ComparePlayback playback;
    private final List<ComparePanel> views = new ArrayList<>();
    private ComparisonPreset preset;
    private int generation;
    /** {@code ?present=1}: the panels' landscapes and the charts in projector sizes. */
    private final PresenterMode presenter;

    public CompareView(LiveUiService live, ExperimentService experiments, Sweeps sweepService, PresetLookup presets,
            ClassroomService classes) {
        this.classes = classes;
        this.experiments = experiments;
        this.presets = presets;
        this.workspace = new ComparisonWorkspace(experiments);
        this.playback = new ComparePlayback(live, this, controls, timeline, charts);
        this.sweeps = new SweepsPanel(experiments, sweepService, workspace::compiled);
        this.presenter = new PresenterMode(this, () -> views.stream().map(ComparePanel::canvas).toList(), charts,
                List::of, this::showAddress);
        addClassName("lr-page");
        setId("compare");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-s)").set("box-sizing", "border-box").set("max-width", "100%");
        panelRow.setId("panels");
        panelRow.addClassName("lr-compare-row"); // side by side, stacked on a phone: styles.css
        addPanel.setId("add-panel");
        addPanel.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        addPanel.addClickListener(e -> {
            if (workspace.add()) {
                structureChanged();
            }
        });
        controls.addCommandListener(e -> {
            switch (e.command()) {
                case PLAY_PAUSE -> playback.playPause(workspace.compiled(), views);
                case STEP -> playback.step(workspace.compiled(), views, e.value());
                case STOP -> playback.stop();
                case RESET -> {
                    playback.reset();
                    resetCharts();
                }
                case SPEED -> playback.speed(e.value());
            }
        });
        timeline.setId("timeline");
        charts.setId("charts");
        charts.addClassName("lr-compare-charts");
        timeline.addPlayheadListener(e -> playback.showStep(e.getStep()));
        presetQuestion.setId("compare-question");
        broken.setId("compare-broken");
        broken.setVisible(false);
        broken.getStyle().set("color", "var(--lumo-error-text-color)");
        addPanel.addClassName("lr-desk");
        Div toolbar = new Div(controls, presenter.toggle(), addPanel, presenter.formsToggle());
        toolbar.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        add(heading, presetTitle, presetQuestion, broken, toolbar, panelRow, timeline, charts, metricsTitle, metrics,
                sweepsTitle, sweeps);
    }

    // ---------------------------------------------------------------- URL state

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            open(event);
        } catch (RuntimeException e) {
            // without this the page would stay empty: say what failed and offer two default panels to work with
            LOG.error("The Compare page could not open {}", event.getLocation().getPathWithQueryParameters(), e);
            preset = null;
            workspace.load(Map.of("version", 1, "panels", List.of(DefaultExperiment.spec(), DefaultExperiment.spec())));
            structureChanged();
            showNotice(getTranslation("compare.failed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private void open(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        presenter.set(PresenterMode.requested(q));
        String code = q.getSingleParameter("c").or(() -> q.getSingleParameter("s")).orElse(null);
        String presetId = q.getSingleParameter("preset").orElse(null);
        preset = presetId == null ? null : presets.comparison(presetId);
        broken.setVisible(false);
        try {
            if (code != null) {
                workspace.open(code); // one compile per panel
            } else if (preset != null) {
                workspace.load(preset.spec());
            } else {
                if (presetId != null) {
                    showBroken(getTranslation("broken.preset", presetId));
                }
                workspace.load(Map.of("version", 1, "panels", List.of(DefaultExperiment.spec(), DefaultExperiment.spec())));
            }
        } catch (ShareCodeException e) {
            showBroken(ShareCodeText.of(e, this));
            workspace.load(Map.of("version", 1, "panels", List.of(DefaultExperiment.spec(), DefaultExperiment.spec())));
        }
        structureChanged();
        if (preset != null && preset.sweep() != null && code == null) {
            sweeps.runPreset(preset.sweep());
        }
    }

    private void showBroken(String why) {
        showNotice(getTranslation("compare.broken", why));
    }

    private void showNotice(String text) {
        broken.setText(text);
        broken.setVisible(true);
    }

    /** Panels were added, removed or replaced: new panel components, then everything that follows. */
    private void structureChanged() {
        playback.reset();
        panelRow.removeAll();
        views.clear();
        int offset = 0;
        for (int i = 0; i < workspace.size(); i++) {
            int index = i;
            int first = offset;
            ComparePanel p = new ComparePanel(i, workspace.panel(i), experiments, classes, run -> RunPalette.color(first + run));
            p.duplicate.addClickListener(e -> {
                if (workspace.duplicate(index)) {
                    structureChanged();
                }
            });
            p.remove.addClickListener(e -> {
                if (workspace.remove(index)) {
                    structureChanged();
                }
            });
            p.forms().addEditedListener(e -> edited());
            Compiled c = workspace.panel(i).compiled();
            offset += c == null ? 0 : c.engine().runs().size();
            views.add(p);
            panelRow.add(p);
        }
        List<String> targets = new ArrayList<>();
        views.forEach(v -> targets.add(v.canvas().getId().orElseThrow()));
        targets.addAll(charts.targetIds());
        timeline.setTargetIds(targets);
        sweeps.setPanels(workspace.size());
        presenter.refresh();
        relabelPanels();
        for (ComparePanel p : views) {
            p.forms().showLoaded();
        }
        edited();
    }

    /** An edit (or a new structure): differences, charts, address and metrics follow; a result of the old panels goes. */
    private void edited() {
        playback.reset();
        for (ComparePanel p : views) {
            p.showCompiled(experiments);
        }
        List<List<SpecDiff.Difference>> diffs = workspace.differences();
        for (int i = 0; i < views.size(); i++) {
            views.get(i).showDifferences(diffs.get(i));
        }
        relabelPanels();
        resetCharts();
        controls.setRunnable(workspace.shareCode() != null);
        showAddress();
        computeMetrics(getUI().orElse(UI.getCurrent()));
    }

    /** The address bar holds the comparison, its preset and presenter mode. */
    private void showAddress() {
        String code = workspace.shareCode();
        UI ui = getUI().orElse(UI.getCurrent());
        if (ui != null && code != null) {
            ui.getPage().getHistory().replaceState(null, "compare?c=" + code
                    + (preset == null ? "" : "&preset=" + preset.id()) + (presenter.isPresenting() ? "&present=1" : ""));
        }
    }

    /** The metrics come from a full simulation of every panel on the bounded pool, off the UI thread. */
    private void computeMetrics(UI ui) {
        Comparison c = workspace.comparison();
        int gen = ++generation;
        if (c == null || ui == null) {
            metrics.clear();
            return;
        }
        CompletableFuture.supplyAsync(() -> c.simulate(experiments)).whenComplete((r, err) -> ui.access(() -> {
            if (gen == generation && err == null) {
                metrics.show(r);
            }
        }));
    }

    /** Empty overlay charts: one series per run of every panel, named by its panel and what differs there. */
    private void resetCharts() {
        List<Compiled> all = workspace.compiled();
        if (all == null) {
            return;
        }
        List<List<SpecDiff.Difference>> diffs = workspace.differences();
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        boolean noisy = false;
        int maxSteps = 0;
        for (int p = 0; p < all.size(); p++) {
            Compiled c = all.get(p);
            ChartSetup s = ChartSetup.of(c.engine());
            noisy |= s.noisy();
            Arrays.stream(s.batchSizes()).forEach(batches::add);
            Arrays.stream(s.steps()).forEach(steps::add);
            // a field only the baseline has (e.g. its extra TTUR run) names nothing about this panel's runs
            List<String> named = diffs.get(p).stream().filter(d -> d.value() != null)
                    .map(d -> shortPath(d.path()) + ": " + SpecDiff.format(d.value())).limit(2).toList();
            String what = named.isEmpty() ? "" : " " + String.join(", ", named);
            for (RunConfig r : c.engine().runs()) {
                String label = r.label() == null || r.label().isBlank() ? getTranslation("runs.unnamed", r.index() + 1) : r.label();
                names.add(getTranslation("compare.panelShort", p + 1) + (c.engine().runs().size() > 1 || what.isEmpty()
                        ? " " + label : "") + what);
                colors.add(RunPalette.color(names.size() - 1));
                maxSteps = Math.max(maxSteps, r.steps());
            }
        }
        ChartSetup first = ChartSetup.of(all.get(0).engine());
        charts.reset(names, colors, new ChartSetup(first.lossKind(), batches.stream().mapToInt(Integer::intValue).toArray(),
                noisy, steps.stream().mapToInt(Integer::intValue).toArray()));
        timeline.setTotal(maxSteps);
    }

    /** {@code runs[0].game.method} → {@code method}: the legend has little room. */
    private static String shortPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private void relabelPanels() {
        for (ComparePanel p : views) {
            p.relabel(workspace.canRemove(), workspace.canAdd());
        }
        addPanel.setEnabled(workspace.canAdd());
    }

    // ---------------------------------------------------------------- lifecycle, i18n

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        charts.addLogScaleListener(e -> resetCharts());
        presenter.attached();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        playback.reset();
        generation++;
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("compare.title"));
        ComparisonPreset p = preset;
        presetTitle.setVisible(p != null);
        presetQuestion.setVisible(p != null);
        if (p != null) {
            PresetLookup.Card card = presets.comparisonCard(p.id(), getLocale());
            presetTitle.setText(String.join(" · ", card.seeds()) + " — " + card.title());
            presetQuestion.setText(card.question());
        }
        addPanel.setText(getTranslation("compare.add"));
        presenter.relabel();
        metricsTitle.setText(getTranslation("metrics.title"));
        sweepsTitle.setText(getTranslation("sweep.title"));
        controls.relabel();
        timeline.setAriaLabel(getTranslation("timeline.aria"));
        timeline.setLabelFormat(getTranslation("timeline.format"));
        relabelPanels();
        metrics.relabel();
        sweeps.relabel();
        if (!playback.hasResult()) {
            resetCharts();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("compare.title") + " · LR Lab";
    }
}
