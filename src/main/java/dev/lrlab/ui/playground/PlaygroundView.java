package dev.lrlab.ui.playground;

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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.StreamResource;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.DefaultExperiment;
import dev.lrlab.experiment.ExperimentDraft;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LrCurve;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveCapacityException;
import dev.lrlab.live.LiveHistory;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.live.vaadin.UiFeed;
import dev.lrlab.links.LinkService;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.SpecException;
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
@Route("")
@RouteAlias("playground")
@Menu(title = "nav.playground", order = 0, icon = "vaadin:chart-line")
public class PlaygroundView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final List<Integer> SPEEDS = List.of(10, 30, 100, 300, 1000, 0);
    /** The live view keeps at most about this many points per run (longer runs are thinned). */
    static final int LIVE_POINTS = 4000;
    /** ... and the charts at most about this many per series (ApexCharts redraws all of its SVG). */
    static final int CHART_POINTS = 500;

    private final LiveUiService live;
    private final PresetLookup presets;
    private final ExperimentService experiments;

    // experiment being edited
    /** The edited experiment: one compile per edit, kept until the next. */
    private final ExperimentWorkspace workspace;
    private final ExperimentDraft draft;
    /** The edited experiment, compiled once per edit; null while the forms hold an invalid spec. */
    private Compiled experiment;
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
    private final ShortLinkButton shortLink;
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
    /** The session while it lives (null once it ended). */
    private LiveSession current;
    /** The session whose rows are shown; kept after it ended so the timeline can scrub. */
    private LiveSession job;
    private UiFeed feed;
    /** The last batch drawn: how far each run is on screen, and its status. */
    private LiveBatch applied;
    private int stride = 1;
    /** Recorded rows per chart point. */
    private int chartEvery = 1;
    private int playhead = -1;
    private List<Object> emptyChartsKey;

    public PlaygroundView(LiveUiService live, PresetLookup presets, ExperimentService experiments, LinkService links) {
        this.live = live;
        this.presets = presets;
        this.experiments = experiments;
        this.workspace = new ExperimentWorkspace(experiments);
        this.draft = workspace.draft();
        addClassName("lr-playground");
        this.shortLink = new ShortLinkButton(links, workspace::compiled);
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
            workspace.setRun(editor.getValue());
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
                try {
                    current.speed(sps);
                } catch (LiveCapacityException ex) {
                    showBusy(ex);
                }
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
        Div share = new Div(copyLink, shortLink, exportCsv, exportJson, exportPng);
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
            double[] at = l.dim() == 1 ? new double[]{e.getX()} : new double[]{e.getX(), e.getY()};
            workspace.edit(d -> d.setStart(at));
            editor.setValue(draft.run(draft.selected()));
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

    private double[] startOfSelected() {
        if (compiled != null && draft.selected() < compiled.runs().size()) {
            return compiled.runs().get(draft.selected()).start();
        }
        return new double[]{0, 0};
    }

    // ---------------------------------------------------------------- URL state

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Compiled linked = LinkedExperiment.take(event.getUI()); // forwarded by /l/{id}, compiled there
        if (linked != null) {
            presetId = null;
            workspace.load(linked);
            showLoaded();
            return;
        }
        QueryParameters q = event.getLocation().getQueryParameters();
        String code = q.getSingleParameter("s").orElse(null);
        presetId = q.getSingleParameter("preset").orElse(null);
        if (code != null) {
            try {
                workspace.open(code); // the one compile of an opened link
                showLoaded();
            } catch (ShareCodeException e) {
                showBrokenLink(e.getMessage());
            }
            return;
        }
        Map<String, Object> spec = null;
        if (presetId != null) {
            spec = presets.spec(presetId);
            if (spec == null) {
                showBrokenLink(getTranslation("broken.preset", presetId));
                return;
            }
        }
        workspace.load(spec == null ? DefaultExperiment.spec() : spec);
        showLoaded();
    }

    /**
     * Shows a compiled experiment in all forms (canonical: every default filled in). Runs without
     * a colour keep none in the spec and are drawn in their palette colour, so the forms hold exactly
     * the canonical spec and loading needs no second compile.
     */
    private void showLoaded() {
        stopRun();
        brokenLink.setVisible(false);
        layout.setVisible(true);
        landscapeForm.setValue(draft.landscape());
        shownLandscape = null;
        showSelected();
        showPreset();
        compiledChanged(workspace.compiled());
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
            workspace.load(DefaultExperiment.spec());
            showLoaded();
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
        workspace.setLandscape(landscapeForm.getValue());
        if (workspace.compiled() != null) {
            editor.setGameLandscape(workspace.compiled().landscape().isGame());
        }
        editor.setValue(draft.run(draft.selected()));
        specChanged();
    }

    private void onRunAction(RunChips.ActionEvent e) {
        switch (e.action()) {
            case SELECT -> {
                draft.select(e.run());
                showSelected();
                showAnalysis();
            }
            case ADD, DUPLICATE, REMOVE -> {
                boolean possible = e.action() == RunChips.Action.REMOVE ? draft.canRemoveRun() : draft.canAddRun();
                if (possible) {
                    workspace.edit(e.action() == RunChips.Action.ADD ? ExperimentDraft::addRun
                            : e.action() == RunChips.Action.DUPLICATE ? ExperimentDraft::duplicateRun
                            : ExperimentDraft::removeRun);
                    showSelected();
                    specChanged();
                }
            }
            case TOGGLE -> {
                draft.setVisible(e.run(), e.value());
                canvas.setVisible(e.run(), e.value());
            }
        }
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
            colors.add(color(i));
        }
        chips.show(labels, colors, draft.visibility(), draft.selected());
    }

    private String color(int i) {
        return draft.color(i);
    }


    /** Validates the edited experiment; shows errors on their fields, or updates URL, plots and readouts. */
    private void specChanged() {
        landscapeForm.clearErrors();
        editor.clearErrors();
        Compiled c = workspace.compiled(); // compiled once by the edit
        if (c == null) {
            experiment = null;
            compiled = null;
            showError(workspace.error());
            play.setEnabled(false);
            step1.setEnabled(false);
            step10.setEnabled(false);
            return;
        }
        compiledChanged(c);
    }

    /** Everything that follows a new compiled experiment: plots, readouts, preview, URL. */
    private void compiledChanged(Compiled c) {
        experiment = c;
        compiled = c.engine();
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
        if (compiled == null || draft.selected() >= compiled.runs().size()) {
            return;
        }
        var p = experiments.preview(experiment, draft.selected());
        readouts.showPreview(p.analysis(), p.adaptive(), p.quadratic());
    }

    private void showSchedulePreview() {
        LrCurve curve = experiments.lrCurve(experiment, draft.selected(), 600);
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
                getTranslation("chart.lr"), color(draft.selected()), xs, ys));
    }

    private void updateUrl() {
        String code = workspace.shareCode();
        StringBuilder url = new StringBuilder("?s=").append(code);
        if (presetId != null) {
            url.append("&preset=").append(presetId);
        }
        UI.getCurrent().getPage().getHistory().replaceState(null, url.toString());
        exportCsv.setHref(download("lrlab-trajectories.csv", "text/csv", true));
        exportJson.setHref(download("lrlab-result.json", "application/json", false));
    }

    /** A download of the full run, computed on request by the API's bounded executor. */
    private StreamResource download(String name, String type, boolean csv) {
        Compiled shown = experiment;
        StreamResource r = new StreamResource(name, () -> {
            ExperimentResult result = experiments.simulate(shown);
            String text = csv ? experiments.csv(result) : experiments.write(result);
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
        } else if (!current.isPlaying()) {
            try {
                current.play();
            } catch (LiveCapacityException e) {
                showBusy(e);
                return;
            }
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
        closeFeed();
        if (compiled == null) {
            return;
        }
        int maxSteps = 0;
        for (RunConfig r : compiled.runs()) {
            maxSteps = Math.max(maxSteps, r.steps());
        }
        stride = Math.max(1, (maxSteps + LIVE_POINTS - 1) / LIVE_POINTS);
        chartEvery = Math.max(1, (maxSteps / stride + CHART_POINTS - 1) / CHART_POINTS);
        List<LandscapeCanvas.Run> canvasRuns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < compiled.runs().size(); i++) {
            String label = compiled.runs().get(i).label();
            names.add(label == null || label.isBlank() ? getTranslation("runs.unnamed", i + 1) : label);
            colors.add(color(i));
            canvasRuns.add(new LandscapeCanvas.Run(color(i), names.get(i), draft.isVisible(i)));
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
        LiveSession session = live.open(compiled, stride, sps);
        job = session;
        applied = null;
        feed = live.watch(UI.getCurrent(), session, batch -> {
            if (job == session) {
                onBatch(batch);
            }
        });
        if (!paused) {
            try {
                session.play();
            } catch (LiveCapacityException e) {
                closeFeed();
                session.stop();
                job = null;
                showBusy(e);
                return;
            }
        }
        current = session;
        showRunning(!paused);
    }

    /** Over the node's live capacity: say so and offer to try again. */
    private void showBusy(LiveCapacityException e) {
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(10_000);
        Button retry = new Button(getTranslation("live.retry"), ev -> {
            n.close();
            playPause();
        });
        n.add(new Span(getTranslation(LiveCapacityException.MESSAGE_KEY, e.messageArgs())), retry);
        n.open();
    }

    private void closeFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private void onBatch(LiveBatch batch) {
        applied = batch;
        int n = batch.runs().size();
        List<double[][]> points = new ArrayList<>(n);
        List<ChartsPanel.Series> series = new ArrayList<>(n);
        boolean oneD = compiled.landscape().dim() == 1;
        List<String> diverged = new ArrayList<>();
        for (LiveBatch.RunRows rb : batch.runs()) {
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
        timeline.setAvailable(batch.step());
        if (!diverged.isEmpty()) {
            banner.setText(String.join(" · ", diverged));
            banner.setVisible(true);
        }
        status.setText(getTranslation("status.running", batch.step()));
        if (batch.ended()) {
            onEnd(batch);
        }
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

    private void onEnd(LiveBatch end) {
        current = null;
        closeFeed();
        showRunning(false);
        long diverged = end.diverged();
        if (end.end() == LiveSession.End.FINISHED && diverged > 0) {
            status.setText(getTranslation("status.finishedDiverged", end.step(), diverged, end.runs().size()));
        } else if (end.end() == LiveSession.End.FINISHED) {
            status.setText(getTranslation("status.finished", end.step()));
        } else {
            status.setText(getTranslation("status.stopped", end.step()));
        }
    }

    private int maxCurrentStep() {
        LiveBatch last = job.last();
        return last == null ? 0 : last.step();
    }

    private void stopRun() {
        if (current != null) {
            current.stop();
            current = null;
            showRunning(false);
            if (job != null) {
                status.setText(getTranslation("status.stopped", maxCurrentStep()));
            }
        }
    }

    private void resetRun() {
        stopRun();
        closeFeed();
        job = null;
        applied = null;
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
        int selected = draft.selected();
        if (job == null || playhead < 0 || selected >= job.history().runs()) {
            return;
        }
        LiveHistory rec = job.history();
        int row = Math.min(playhead / stride, rec.rows(selected) - 1);
        if (row < 0) {
            return;
        }
        // the last state has no update leaving it: show the update that reached it
        Recorder.Rows r = rec.read(selected, row, 1, Math.max(0, Math.min(row, rec.updateRows(selected) - 1)), 1);
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
        if (job == null || applied == null) {
            return;
        }
        // only what the charts had: later rows are on their way in the next batch
        List<ChartsPanel.Series> series = new ArrayList<>();
        for (LiveBatch.RunRows shown : applied.runs()) {
            Recorder.Rows upTo = shown.rows();
            series.add(chartSeries(job.history().read(shown.run(), 0, upTo.firstRow() + upTo.steps().length, 0,
                    upTo.firstUpdate() + upTo.lr().length), shown.status() != RunSimulator.Status.RUNNING));
        }
        charts.append(series);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopRun();
        closeFeed();
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
        showRunning(current != null && current.isPlaying());
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

}
