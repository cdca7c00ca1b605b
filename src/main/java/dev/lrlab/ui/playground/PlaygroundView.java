package dev.lrlab.ui.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.StreamResource;
import dev.lrlab.api.ExperimentService;
import dev.lrlab.cli.Cli;
import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.live.LiveRun;
import dev.lrlab.live.LiveRunService;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodeTooLargeException;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.SpecException;
import dev.lrlab.ui.MainLayout;
import dev.lrlab.ui.chart.ApexChart;
import dev.lrlab.ui.chart.ChartOptions;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import dev.lrlab.ui.landscape.Timeline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground: compose a landscape and up to eight runs in forms, watch them stream live onto
 * the landscape and into the charts, scrub the timeline, share the experiment as a link. The
 * address bar always holds the current experiment's share code.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "playground", layout = MainLayout.class)
public class PlaygroundView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final List<Integer> SPEEDS = List.of(10, 30, 100, 300, 1000, 0);
    /** The live view keeps at most about this many points per run (longer runs are thinned). */
    static final int LIVE_POINTS = 4000;
    /** ... and the charts at most about this many per series (ApexCharts redraws all of its SVG). */
    static final int CHART_POINTS = 500;

    private final LiveRunService live;
    private final PresetLookup presets;
    private final ShareCodec codec;
    private final ExperimentCompiler compiler;
    private final ExperimentService experiments;

    // experiment being edited
    private Map<String, Object> landscapeSpec = new LinkedHashMap<>();
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final List<Boolean> visible = new ArrayList<>();
    private int selected;
    private CompiledExperiment compiled;
    private Map<String, Object> shownLandscape;
    private String presetId;

    // components
    private final Div presetCard = new Div();
    private final Div brokenLink = new Div();
    private final Div layout = new Div();
    private final ParamForm landscapeForm = new ParamForm(FormCatalog.Kind.LANDSCAPE, "landscape");
    private final RunChips chips = new RunChips();
    private final RunEditor editor = new RunEditor();
    private final ApexChart schedulePreview = new ApexChart();
    private final Span scheduleNote = new Span();
    private final Button play = new Button();
    private final Button step1 = new Button();
    private final Button step10 = new Button();
    private final Button stop = new Button();
    private final Button reset = new Button();
    private final Select<Integer> speed = new Select<>();
    private final Button copyLink = new Button();
    private final Anchor exportCsv = new Anchor();
    private final Anchor exportJson = new Anchor();
    private final Button exportPng = new Button();
    private final Div banner = new Div();
    private final Span status = new Span();
    private final LandscapeCanvas canvas = new LandscapeCanvas();
    private final Timeline timeline = new Timeline();
    private final ReadoutPanel readouts = new ReadoutPanel();
    private final ChartsPanel charts = new ChartsPanel();
    private final H2 sideTitle = new H2();
    private final Span runsTitle = new Span();

    // the live run
    private LiveRun<PlaygroundJob.Batch> current;
    private PlaygroundJob job;
    private int stride = 1;
    /** Recorded rows per chart point. */
    private int chartEvery = 1;
    private int playhead = -1;
    private List<Object> emptyChartsKey;

    public PlaygroundView(LiveRunService live, PresetLookup presets, ExperimentService experiments, ShareCodec codec) {
        this.live = live;
        this.presets = presets;
        this.experiments = experiments;
        this.codec = codec;
        this.compiler = new ExperimentCompiler(experiments.limits());
        addClassName("lr-playground");
        build();
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        presetCard.addClassName("lr-preset-card");
        presetCard.setId("preset-card");
        presetCard.setVisible(false);
        brokenLink.addClassName("lr-broken-link");
        brokenLink.setId("broken-link");
        brokenLink.setVisible(false);

        landscapeForm.setId("landscape-form");
        landscapeForm.addChangeListener(e -> landscapeChanged());
        chips.addActionListener(this::onRunAction);
        editor.addChangeListener(e -> {
            runs.set(selected, editor.getValue());
            specChanged();
        });
        schedulePreview.setId("schedule-preview");
        schedulePreview.setHeight("180px");
        scheduleNote.addClassName("lr-muted");
        sideTitle.addClassName("lr-side-title");
        runsTitle.addClassName("lr-section-title");
        Span landscapeTitle = new Span();
        landscapeTitle.addClassName("lr-section-title");
        landscapeTitle.setId("landscape-title");
        Div side = new Div(landscapeTitle, landscapeForm, runsTitle, chips, editor, schedulePreview, scheduleNote);
        side.addClassName("lr-side");

        play.setId("btn-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> playPause());
        step1.setId("btn-step1");
        step1.addClickListener(e -> stepBy(1));
        step10.setId("btn-step10");
        step10.addClickListener(e -> stepBy(10));
        stop.setId("btn-stop");
        stop.addClickListener(e -> stopRun());
        reset.setId("btn-reset");
        reset.addClickListener(e -> resetRun());
        speed.setId("speed");
        speed.setItems(SPEEDS);
        speed.setValue(100);
        speed.setWidth("9rem");
        speed.addValueChangeListener(e -> {
            double sps = e.getValue() == null ? 100 : e.getValue();
            if (current != null) {
                current.setStepsPerSecond(sps);
            }
            timeline.setStepsPerSecond(sps);
        });
        copyLink.setId("btn-copy-link");
        copyLink.setIcon(VaadinIcon.LINK.create());
        copyLink.addClickListener(e -> copyLink());
        exportCsv.setId("export-csv");
        exportJson.setId("export-json");
        exportCsv.getElement().setAttribute("download", true);
        exportJson.getElement().setAttribute("download", true);
        exportPng.setId("export-png");
        exportPng.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        exportPng.addClickListener(e -> canvas.exportPng("lrlab-landscape.png"));
        for (Button b : List.of(step1, step10, stop, reset, copyLink)) {
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
        }
        Div controls = new Div(play, step1, step10, stop, reset, speed);
        controls.addClassName("lr-controls");
        Div share = new Div(copyLink, exportCsv, exportJson, exportPng);
        share.addClassName("lr-controls");
        Div toolbar = new Div(controls, share);
        toolbar.addClassName("lr-toolbar");

        banner.setId("diverged-banner");
        banner.addClassName("lr-banner");
        banner.setVisible(false);
        status.setId("run-status");
        status.addClassName("lr-muted");

        canvas.setId("landscape");
        canvas.addClassName("lr-canvas");
        canvas.addPickListener(e -> {
            Landscape l = compiled == null ? null : compiled.landscape();
            if (l == null) {
                return;
            }
            editor.setStart(l.dim() == 1 ? new double[]{e.getX()} : withFirstTwo(e.getX(), e.getY()));
            runs.set(selected, editor.getValue());
            specChanged();
        });
        canvas.addViewChangeListener(e -> {
            if (compiled != null) {
                canvas.setField(LandscapePlot.field(compiled.landscape(), startOfSelected(), e.getX0(), e.getX1(),
                        e.getY0(), e.getY1()));
            }
        });
        timeline.setId("timeline");
        timeline.addPlayheadListener(e -> {
            playhead = e.getStep();
            showStepReadouts();
        });
        Div main = new Div(toolbar, banner, status, canvas, timeline, readouts, charts);
        main.addClassName("lr-main");
        layout.addClassName("lr-play-grid");
        layout.add(side, main);
        add(presetCard, brokenLink, layout);
    }

    private double[] withFirstTwo(double x, double y) {
        double[] s = startOfSelected().clone();
        s[0] = x;
        s[1] = y;
        return s;
    }

    private double[] startOfSelected() {
        if (compiled != null && selected < compiled.runs().size()) {
            return compiled.runs().get(selected).start();
        }
        return new double[]{0, 0};
    }

    // ---------------------------------------------------------------- URL state

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        String code = q.getSingleParameter("s").orElse(null);
        presetId = q.getSingleParameter("preset").orElse(null);
        Map<String, Object> spec = null;
        if (code != null) {
            try {
                spec = codec.decode(code);
                compiler.compile(spec);
            } catch (ShareCodeException | SpecException e) {
                showBrokenLink(e instanceof SpecException se ? se.field() + ": " + se.getMessage() : e.getMessage());
                return;
            }
        } else if (presetId != null) {
            spec = presets.spec(presetId);
            if (spec == null) {
                showBrokenLink(getTranslation("broken.preset", presetId));
                return;
            }
        }
        load(spec == null ? DefaultExperiment.spec() : spec);
    }

    /** Shows a spec in all forms (canonical: every default filled in). */
    void load(Map<String, Object> spec) {
        stopRun();
        brokenLink.setVisible(false);
        layout.setVisible(true);
        Map<String, Object> canonical = compiler.canonical(spec);
        landscapeSpec = castMap(canonical.get("landscape"));
        runs.clear();
        visible.clear();
        List<?> rs = (List<?>) canonical.get("runs");
        for (int i = 0; i < rs.size(); i++) {
            Map<String, Object> r = castMap(rs.get(i));
            if (r.get("color") == null) {
                r.put("color", RunPalette.color(i));
            }
            runs.add(r);
            visible.add(true);
        }
        selected = 0;
        landscapeForm.setValue(landscapeSpec);
        shownLandscape = null;
        showSelected();
        showPreset();
        specChanged();
    }

    private void showBrokenLink(String why) {
        stopRun();
        layout.setVisible(false);
        presetCard.setVisible(false);
        brokenLink.removeAll();
        H2 title = new H2(getTranslation("broken.title"));
        Paragraph what = new Paragraph(getTranslation("broken.body"));
        Paragraph detail = new Paragraph(why);
        detail.addClassName("lr-broken-detail");
        detail.setId("broken-detail");
        Button fresh = new Button(getTranslation("broken.fresh"), VaadinIcon.REFRESH.create());
        fresh.setId("btn-fresh-start");
        fresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fresh.addClickListener(e -> {
            presetId = null;
            load(DefaultExperiment.spec());
        });
        Anchor gallery = new Anchor("presets", getTranslation("broken.presets"));
        Div actions = new Div(fresh, gallery);
        actions.addClassName("lr-controls");
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        brokenLink.add(title, what, detail, actions);
        brokenLink.setVisible(true);
    }

    private void showPreset() {
        presetCard.removeAll();
        PresetLookup.Card card = presetId == null ? null : presets.card(presetId, getLocale());
        presetCard.setVisible(card != null);
        if (card != null) {
            Span seeds = new Span(String.join(" · ", card.seeds()));
            seeds.getElement().getThemeList().add("badge contrast");
            Span title = new Span(card.title());
            title.addClassName("lr-preset-title");
            Paragraph question = new Paragraph(card.question());
            question.setId("preset-question");
            presetCard.add(new Div(seeds, title), question, new Formula(card.formula()));
        }
    }

    // ---------------------------------------------------------------- editing

    /**
     * A new landscape may have another dimension or be a game: runs whose start no longer fits
     * start from the landscape's default start, and game settings follow the landscape.
     */
    private void landscapeChanged() {
        Landscape l;
        try {
            l = compiler.landscape(landscapeForm.getValue());
        } catch (SpecException e) {
            specChanged();
            return;
        }
        for (Map<String, Object> run : runs) {
            if (!(run.get("start") instanceof List<?> start) || start.size() != l.dim()) {
                List<Double> s = new ArrayList<>();
                for (double d : l.defaultStart()) {
                    s.add(d);
                }
                run.put("start", s);
            }
            if (!l.isGame()) {
                run.remove("game");
            } else {
                run.remove("clipNorm");
                run.remove("noise");
                run.remove("rollback");
                if (castMap(run.get("schedule")).get("type") instanceof String t && t.equals("curvature")) {
                    run.put("schedule", Map.of("type", "constant"));
                }
            }
        }
        editor.setGameLandscape(l.isGame());
        editor.setValue(runs.get(selected));
        specChanged();
    }

    private void onRunAction(RunChips.ActionEvent e) {
        switch (e.action()) {
            case SELECT -> {
                selected = e.run();
                showSelected();
                showAnalysis();
            }
            case ADD -> {
                Map<String, Object> r = DefaultExperiment.run(runs.size());
                r.put("start", runs.get(selected).get("start"));
                runs.add(r);
                visible.add(true);
                selected = runs.size() - 1;
                showSelected();
                specChanged();
            }
            case DUPLICATE -> {
                Map<String, Object> copy = deepCopy(runs.get(selected));
                copy.put("label", copy.get("label") + " ′");
                copy.put("color", RunPalette.color(runs.size()));
                runs.add(copy);
                visible.add(true);
                selected = runs.size() - 1;
                showSelected();
                specChanged();
            }
            case REMOVE -> {
                if (runs.size() > 1) {
                    runs.remove(selected);
                    visible.remove(selected);
                    selected = Math.max(0, selected - 1);
                    showSelected();
                    specChanged();
                }
            }
            case TOGGLE -> {
                visible.set(e.run(), e.value());
                canvas.setVisible(e.run(), e.value());
            }
        }
    }

    private void showSelected() {
        editor.setPath("runs[" + selected + "]");
        editor.setValue(runs.get(selected));
        editor.relabel();
        refreshChips();
    }

    private void refreshChips() {
        List<String> labels = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            labels.add(String.valueOf(runs.get(i).getOrDefault("label", "")));
            colors.add(color(i));
        }
        chips.show(labels, colors, visible, selected);
    }

    private String color(int i) {
        Object c = runs.get(i).get("color");
        return c instanceof String s ? s : RunPalette.color(i);
    }

    private Map<String, Object> spec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 1);
        spec.put("landscape", landscapeForm.getValue());
        spec.put("runs", new ArrayList<>(runs));
        return spec;
    }

    /** Validates the edited experiment; shows errors on their fields, or updates URL, plots and readouts. */
    private void specChanged() {
        landscapeForm.clearErrors();
        editor.clearErrors();
        Map<String, Object> spec = spec();
        try {
            compiled = compiler.compile(spec);
        } catch (SpecException e) {
            compiled = null;
            showError(e);
            play.setEnabled(false);
            step1.setEnabled(false);
            step10.setEnabled(false);
            return;
        }
        play.setEnabled(true);
        step1.setEnabled(true);
        step10.setEnabled(true);
        refreshChips();
        editor.setGameLandscape(compiled.landscape().isGame());
        Map<String, Object> landscape = castMap(compiled.canonicalSpec().get("landscape"));
        if (!landscape.equals(shownLandscape)) {
            shownLandscape = landscape;
            Landscape.ViewBox box = compiled.landscape().viewBox();
            canvas.setField(LandscapePlot.field(compiled.landscape(), startOfSelected(), box.xMin(), box.xMax(),
                    box.yMin(), box.yMax()));
        }
        showAnalysis();
        showSchedulePreview();
        if (job == null) {
            showEmptyCharts();
        }
        updateUrl();
    }

    /** Before a run: empty charts with the runs' names and colours, the timeline's length. */
    private void showEmptyCharts() {
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        int maxSteps = 0;
        for (int i = 0; i < compiled.runs().size(); i++) {
            names.add(label(i));
            colors.add(color(i));
            maxSteps = Math.max(maxSteps, compiled.runs().get(i).steps());
        }
        List<Object> key = List.of(names, colors, getLocale().toLanguageTag());
        if (!key.equals(emptyChartsKey)) {
            emptyChartsKey = key;
            charts.reset(names, colors);
        }
        timeline.setTotal(maxSteps);
    }

    private void showError(SpecException e) {
        String message = Messages.localize(e.getMessage(), getLocale());
        String field = e.field() == null ? "" : e.field();
        boolean shown = landscapeForm.showError(field, message);
        if (!shown && field.startsWith("runs[")) {
            int i = runIndex(field);
            if (i >= 0 && i != selected && i < runs.size()) {
                selected = i;
                showSelected();
            }
            shown = editor.showError(field, message);
        }
        if (!shown) {
            Notification n = Notification.show(field + ": " + message, 5000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        status.setText(getTranslation("status.invalid", field));
    }

    private static int runIndex(String field) {
        int close = field.indexOf(']');
        try {
            return Integer.parseInt(field.substring(5, close));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void showAnalysis() {
        if (compiled == null || selected >= compiled.runs().size()) {
            return;
        }
        Analysis.Preview p = ExperimentRunner.preview(compiled, selected);
        String type = String.valueOf(castMap(runs.get(selected).get("optimizer")).get("type"));
        boolean adaptive = !type.equals("sgd") || compiled.runs().get(selected).schedule() instanceof CurvatureSchedule;
        boolean quadratic = "quadratic".equals(castMap(compiled.canonicalSpec().get("landscape")).get("type"));
        readouts.showPreview(p, adaptive, quadratic);
    }

    private void showSchedulePreview() {
        RunConfig cfg = compiled.runs().get(selected);
        if (cfg.schedule() instanceof CurvatureSchedule) {
            schedulePreview.setVisible(false);
            scheduleNote.setText(getTranslation("schedule.curvature.note"));
            return;
        }
        schedulePreview.setVisible(true);
        scheduleNote.setText(getTranslation("schedule.preview.note"));
        int n = cfg.steps();
        int every = Math.max(1, n / 600);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int t = 0; t < n; t += every) {
            xs.add((double) t);
            ys.add(cfg.schedule().lr(t));
        }
        schedulePreview.setOptions(ChartOptions.series(getTranslation("schedule.preview"), getTranslation("chart.step"),
                getTranslation("chart.lr"), color(selected), xs, ys));
    }

    private void updateUrl() {
        exportCsv.setHref(download("lrlab-trajectories.csv", "text/csv", true));
        exportJson.setHref(download("lrlab-result.json", "application/json", false));
        String code;
        try {
            code = codec.encode(compiled.canonicalSpec());
        } catch (ShareCodeTooLargeException e) {
            // no link rather than one the server would refuse (or a stale one for another experiment)
            if (copyLink.isEnabled()) {
                Notification.show(getTranslation("share.tooLarge", e.length(), e.max()), 8000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            }
            copyLink.setEnabled(false);
            copyLink.setTooltipText(getTranslation("share.tooLarge", e.length(), e.max()));
            UI.getCurrent().getPage().getHistory().replaceState(null, "playground");
            return;
        }
        if (!copyLink.isEnabled()) { // back under the cap
            copyLink.setEnabled(true);
            copyLink.setTooltipText(null);
        }
        StringBuilder url = new StringBuilder("?s=").append(code);
        if (presetId != null) {
            url.append("&preset=").append(presetId);
        }
        UI.getCurrent().getPage().getHistory().replaceState(null, url.toString());
    }

    /** A download of the full run, computed on request by the API's bounded executor. */
    private StreamResource download(String name, String type, boolean csv) {
        Map<String, Object> spec = compiled.canonicalSpec();
        StreamResource r = new StreamResource(name, () -> {
            ExperimentResult result = experiments.simulate(spec);
            String text = csv ? Cli.csv(result) : experiments.write(result);
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
        r.setContentType(type);
        return r;
    }

    private void copyLink() {
        if (compiled == null) {
            return;
        }
        // the async clipboard needs a secure context; plain-http hosts fall back to a selection copy
        getUI().ifPresent(ui -> ui.getPage().executeJs("""
                const u = window.location.href;
                const fallback = () => {
                  const t = document.createElement('textarea');
                  t.value = u;
                  t.style.position = 'fixed';
                  t.style.opacity = '0';
                  document.body.appendChild(t);
                  t.select();
                  try { document.execCommand('copy'); } finally { t.remove(); }
                };
                if (navigator.clipboard && window.isSecureContext) {
                  navigator.clipboard.writeText(u).catch(fallback);
                } else {
                  fallback();
                }
                """));
        Notification.show(getTranslation("share.copied"), 2500, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    // ---------------------------------------------------------------- running

    private void playPause() {
        if (current == null) {
            start(false);
        } else if (current.isPaused()) {
            current.resume();
            timeline.follow();
            showRunning(true);
        } else {
            current.pause();
            showRunning(false);
        }
    }

    private void stepBy(int n) {
        if (current == null) {
            start(true);
        }
        if (current != null) {
            current.step(n);
            showRunning(false);
        }
    }

    private void start(boolean paused) {
        stopRun();
        if (compiled == null) {
            return;
        }
        int maxSteps = 0;
        for (RunConfig r : compiled.runs()) {
            maxSteps = Math.max(maxSteps, r.steps());
        }
        stride = Math.max(1, (maxSteps + LIVE_POINTS - 1) / LIVE_POINTS);
        chartEvery = Math.max(1, (maxSteps / stride + CHART_POINTS - 1) / CHART_POINTS);
        job = new PlaygroundJob(compiled, stride);
        List<LandscapeCanvas.Run> canvasRuns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < compiled.runs().size(); i++) {
            String label = compiled.runs().get(i).label();
            names.add(label == null || label.isBlank() ? getTranslation("runs.unnamed", i + 1) : label);
            colors.add(color(i));
            canvasRuns.add(new LandscapeCanvas.Run(color(i), names.get(i), visible.get(i)));
        }
        canvas.setRuns(canvasRuns);
        canvas.setStride(stride);
        charts.reset(names, colors);
        timeline.reset();
        timeline.setTotal(maxSteps);
        double sps = speed.getValue() == null ? 100 : speed.getValue();
        timeline.setStepsPerSecond(sps);
        banner.setVisible(false);
        playhead = -1;
        readouts.clearStep();
        UI ui = UI.getCurrent();
        Object[] self = new Object[1];
        try {
            current = live.start(ui, job, batch -> {
                if (current == self[0]) {
                    onBatch(batch);
                }
            }, end -> {
                if (current == self[0]) {
                    onEnd(end);
                }
            }, sps, paused);
        } catch (LiveRunService.BusyException e) {
            Notification.show(getTranslation("status.busy"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        self[0] = current;
        showRunning(!paused);
    }

    private void onBatch(PlaygroundJob.Batch batch) {
        int n = batch.runs().size();
        List<double[][]> points = new ArrayList<>(n);
        List<ChartsPanel.Series> series = new ArrayList<>(n);
        boolean oneD = compiled.landscape().dim() == 1;
        List<String> diverged = new ArrayList<>();
        for (PlaygroundJob.RunBatch rb : batch.runs()) {
            Recorder.Rows rows = rb.rows();
            double[][] pts = new double[rows.steps().length][];
            for (int i = 0; i < pts.length; i++) {
                double[] th = rows.theta()[i];
                pts[i] = oneD ? new double[]{th[0], rows.loss()[i]} : new double[]{th[0], th.length > 1 ? th[1] : 0};
            }
            points.add(pts);
            series.add(chartSeries(rows, rb.status() != RunSimulator.Status.RUNNING));
            if (rb.status() == RunSimulator.Status.DIVERGED) {
                canvas.setDiverged(rb.run(), rb.divergedAtStep());
                diverged.add(getTranslation("status.divergedRun", label(rb.run()), rb.divergedAtStep()));
            }
        }
        canvas.appendTrajectory(points);
        charts.append(series);
        timeline.setAvailable(batch.maxStep());
        if (!diverged.isEmpty()) {
            banner.setText(String.join(" · ", diverged));
            banner.setVisible(true);
        }
        status.setText(getTranslation("status.running", batch.maxStep()));
    }

    /**
     * A run's rows as chart points: every chartEvery-th row, plus the last row of an ended run.
     * Update row j belongs to the update leaving step j·stride (the recorder keeps both every stride steps).
     */
    private ChartsPanel.Series chartSeries(Recorder.Rows rows, boolean ended) {
        double[] sx = new double[rows.steps().length];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = rows.steps()[i];
        }
        double[] ux = new double[rows.lr().length];
        for (int i = 0; i < ux.length; i++) {
            ux[i] = (rows.firstUpdate() + i) * (double) stride;
        }
        int[] keepState = chartRows(rows.firstRow(), sx.length, ended);
        int[] keepUpdate = chartRows(rows.firstUpdate(), ux.length, ended);
        return new ChartsPanel.Series(pick(sx, keepState, rows.firstRow()), pick(rows.loss(), keepState, rows.firstRow()),
                pick(ux, keepUpdate, rows.firstUpdate()), pick(rows.lr(), keepUpdate, rows.firstUpdate()),
                pick(rows.gradNorm(), keepUpdate, rows.firstUpdate()),
                pick(rows.updateNorm(), keepUpdate, rows.firstUpdate()));
    }

    /** Global indices of the rows [first, first+n) the charts show: every chartEvery-th, and the last of an ended run. */
    private int[] chartRows(int first, int n, boolean ended) {
        int[] keep = new int[n];
        int k = 0;
        for (int i = first; i < first + n; i++) {
            if (i % chartEvery == 0 || (ended && i == first + n - 1)) {
                keep[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(keep, k);
    }

    private static double[] pick(double[] values, int[] globalRows, int first) {
        double[] out = new double[globalRows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[globalRows[i] - first];
        }
        return out;
    }

    private String label(int run) {
        String l = compiled.runs().get(run).label();
        return l == null || l.isBlank() ? getTranslation("runs.unnamed", run + 1) : l;
    }

    private void onEnd(LiveRun.End end) {
        current = null;
        showRunning(false);
        long diverged = job == null ? 0 : job.simulators().stream()
                .filter(sim -> sim.status() == RunSimulator.Status.DIVERGED).count();
        if (end == LiveRun.End.FINISHED && diverged > 0) {
            status.setText(getTranslation("status.finishedDiverged", maxCurrentStep(), diverged, job.simulators().size()));
        } else if (end == LiveRun.End.FINISHED) {
            status.setText(getTranslation("status.finished", job == null ? 0 : maxCurrentStep()));
        } else {
            status.setText(getTranslation("status.stopped", job == null ? 0 : maxCurrentStep()));
        }
    }

    private int maxCurrentStep() {
        int m = 0;
        for (RunSimulator s : job.simulators()) {
            m = Math.max(m, s.currentStep());
        }
        return m;
    }

    private void stopRun() {
        if (current != null) {
            current.cancel();
            current = null;
            showRunning(false);
            if (job != null) {
                status.setText(getTranslation("status.stopped", maxCurrentStep()));
            }
        }
    }

    private void resetRun() {
        stopRun();
        job = null;
        canvas.setRuns(List.of());
        timeline.reset();
        emptyChartsKey = null;
        if (compiled != null) {
            showEmptyCharts();
        }
        banner.setVisible(false);
        readouts.clearStep();
        status.setText(getTranslation("status.idle"));
    }

    private void showRunning(boolean running) {
        play.setText(getTranslation(running ? "controls.pause" : current != null ? "controls.resume" : "controls.run"));
        play.setIcon((running ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        stop.setEnabled(current != null);
    }

    /** Readouts at the playhead, for the selected run. */
    private void showStepReadouts() {
        if (job == null || playhead < 0 || selected >= job.simulators().size()) {
            return;
        }
        Recorder rec = job.simulators().get(selected).recorder();
        int row = Math.min(playhead / stride, rec.rows() - 1);
        if (row < 0) {
            return;
        }
        // the last state has no update leaving it: show the update that reached it
        Recorder.Rows r = rec.read(row, Math.max(0, Math.min(row, rec.updateRows() - 1)));
        Double loss = r.loss().length > 0 ? r.loss()[0] : null;
        Double lr = r.lr().length > 0 ? r.lr()[0] : null;
        Double g = r.gradNorm().length > 0 ? r.gradNorm()[0] : null;
        readouts.showStep(r.steps().length > 0 ? r.steps()[0] : playhead, loss, lr, g);
    }

    // ---------------------------------------------------------------- lifecycle, i18n

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        timeline.setTargets(canvas);
        timeline.setTargetIds(withCanvas(charts.targetIds()));
        charts.addLogScaleListener(e -> replayCharts());
        Keyboard.install(attachEvent.getUI());
    }

    private static List<String> withCanvas(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.add(0, "landscape");
        return out;
    }

    /** Re-sends all recorded rows to the charts (after the loss axis changed). */
    private void replayCharts() {
        if (job == null) {
            return;
        }
        List<ChartsPanel.Series> series = new ArrayList<>();
        for (RunSimulator sim : job.simulators()) {
            series.add(chartSeries(sim.recorder().read(), sim.status() != RunSimulator.Status.RUNNING));
        }
        charts.append(series);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopRun();
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Span landscapeTitle = (Span) landscapeForm.getParent().orElseThrow().getChildren().findFirst().orElseThrow();
        landscapeTitle.setText(getTranslation("section.landscape"));
        runsTitle.setText(getTranslation("section.runs"));
        landscapeForm.relabel();
        chips.relabel();
        editor.relabel();
        readouts.relabel();
        step1.setText(getTranslation("controls.step1"));
        step10.setText(getTranslation("controls.step10"));
        stop.setText(getTranslation("controls.stop"));
        reset.setText(getTranslation("controls.reset"));
        speed.setLabel(null);
        speed.setAriaLabel(getTranslation("controls.speed"));
        speed.setItemLabelGenerator(s -> s == 0 ? getTranslation("controls.speed.max") : getTranslation("controls.speed.sps", s));
        copyLink.setText(getTranslation("share.copy"));
        exportCsv.setText(getTranslation("export.csv"));
        exportJson.setText(getTranslation("export.json"));
        exportPng.setText(getTranslation("export.png"));
        showRunning(current != null && !current.isPaused());
        timeline.setAriaLabel(getTranslation("timeline.aria"));
        timeline.setLabelFormat(getTranslation("timeline.format"));
        canvas.setLabels(CanvasLabels.of(this::getTranslation));
        if (job == null) {
            status.setText(getTranslation("status.idle"));
            if (compiled != null) {
                showEmptyCharts();
            }
        }
        refreshChips();
        showPreset();
        if (compiled != null) {
            showAnalysis();
            showSchedulePreview();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.playground") + " · LR Lab";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.readValue(json.writeValueAsBytes(m), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
