package dev.lrlab.ui.playground;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.DefaultExperiment;
import dev.lrlab.experiment.ExperimentDraft;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.links.LinkService;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodeTooLargeException;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import java.util.List;
import java.util.Map;

/**
 * The playground: compose a landscape and up to eight runs in forms, watch them stream live onto
 * the landscape and into the charts, scrub the timeline, share the experiment as a link. The
 * address bar always holds the current experiment's share code. This class only wires: the
 * experiment and its edit rules are the {@link ExperimentWorkspace}'s, the live run is
 * {@link LivePlayback}'s, and each panel is a component with one job.
 */
@Route("")
@RouteAlias("playground")
@Menu(title = "nav.playground", order = 0, icon = "vaadin:chart-line")
public class PlaygroundView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final ExperimentWorkspace workspace;
    private final ExperimentDraft draft;
    private final PresetLookup presets;
    private String presetId;
    /** The preset's canonical spec as loaded, to tell whether the student changed it. */
    private Map<String, Object> presetCanonical;
    /** The landscape now drawn, so an edit of a run does not resample it. */
    private Map<String, Object> shownLandscape;

    private final PresetCard presetCard = new PresetCard();
    private final BrokenLinkPanel brokenLink = new BrokenLinkPanel();
    private final Div layout = new Div();
    private final ExperimentPanel forms;
    /** Controls, status, landscape, timeline, readouts, charts and the live run, wired once. */
    private final RunStage stage;
    private final RunControls controls;
    private final SharePanel share;
    private final RunStatus status;
    private final LandscapeCanvas canvas;
    private final LivePlayback playback;

    private final SendToClassButton sendToClass;
    private final PresenterMode presenter;
    /** The share code the address bar holds (null: too large for a link); set once the experiment compiled. */
    private String addressCode;
    private boolean addressKnown;
    /** Whether the student changed the loaded preset's experiment. */
    private boolean presetEdited;

    public PlaygroundView(LiveUiService live, PresetLookup presets, ExperimentService experiments, LinkService links,
                          ClassroomService classes) {
        this.presets = presets;
        this.workspace = new ExperimentWorkspace(experiments);
        this.draft = workspace.draft();
        this.forms = new ExperimentPanel(workspace, experiments);
        this.stage = new RunStage(live, this, experiments, draft, workspace::compiled, this::resetRun);
        this.controls = stage.controls();
        this.status = stage.status();
        this.canvas = stage.canvas();
        this.playback = stage.playback();
        this.share = new SharePanel(experiments, new ShortLinkButton(links, workspace::compiled),
                () -> canvas.exportPng("lrlab-landscape.png"));
        this.sendToClass = new SendToClassButton(classes, workspace::compiled);
        this.presenter = new PresenterMode(this, stage, List.of(share, sendToClass), this::showAddress);
        addClassName("lr-playground");
        build();
    }

    private void build() {
        brokenLink.addFreshStartListener(e -> {
            presetId = null;
            workspace.load(DefaultExperiment.spec());
            showLoaded();
        });
        forms.addEditedListener(e -> edited());
        presetCard.addRestoreListener(e -> {
            workspace.load(presets.spec(presetId));
            showLoaded();
        });
        forms.addSelectedListener(e -> {
            stage.showAnalysis(workspace.compiled());
            playback.showSelectedStep(draft.selected());
        });
        forms.addVisibilityListener(e -> canvas.setVisible(e.run(), e.shown()));
        canvas.addPickListener(e -> {
            Compiled c = workspace.compiled();
            if (c != null) {
                forms.setStart(c.landscape().dim() == 1 ? new double[]{e.getX()} : new double[]{e.getX(), e.getY()});
            }
        });
        canvas.addViewChangeListener(e -> {
            Compiled c = workspace.compiled();
            if (c != null) {
                canvas.setField(LandscapePlot.field(c.landscape(), LandscapePlot.startOf(c, draft.selected()), e.getX0(), e.getX1(),
                        e.getY0(), e.getY1()));
            }
        });
        Div toolbar = new Div(controls, presenter.toggle(), share, sendToClass);
        toolbar.addClassName("lr-toolbar");
        Div main = new Div(toolbar, status, canvas, stage.timeline(), stage.readouts());
        main.addClassName("lr-main");
        Div results = new Div(stage.charts());
        results.addClassName("lr-results");
        layout.addClassName("lr-play-grid");
        layout.add(presenter.formsToggle(), forms, main, results);
        add(presetCard, brokenLink, layout);
    }

    // ---------------------------------------------------------------- URL state

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        presenter.set(PlaygroundAddress.presenting(q));
        Compiled linked = LinkedExperiment.take(event.getUI()); // forwarded by /l/{id}, compiled there
        if (linked != null) {
            presetId = null;
            workspace.load(linked);
            showLoaded();
            return;
        }
        String code = q.getSingleParameter("s").orElse(null);
        presetId = q.getSingleParameter("preset").orElse(null);
        try {
            if (code != null) {
                workspace.open(code); // the one compile of an opened link
            } else if (presetId != null && presets.spec(presetId) == null) {
                showBrokenLink(getTranslation("broken.preset", presetId));
                return;
            } else {
                workspace.load(presetId != null ? presets.spec(presetId) : DefaultExperiment.spec());
            }
        } catch (ShareCodeException e) {
            showBrokenLink(ShareCodeText.of(e, this));
            return;
        }
        showLoaded();
    }

    private void showLoaded() {
        playback.reset();
        brokenLink.setVisible(false);
        layout.setVisible(true);
        shownLandscape = null;
        forms.showLoaded();
        presetCard.show(presetId == null ? null : presets.card(presetId, getLocale()));
        stage.charts().setMeanWindow(presets.meanOverLast(presetId));
        presetCanonical = presetId == null ? null : workspace.compiled().canonical();
        presetEdited = false;
        showCompiled();
    }

    /**
     * A result belongs to the experiment it came from: an edit clears the old paths, charts,
     * banner and readouts at once and says so; the preset card says when it no longer applies.
     */
    private void edited() {
        if (playback.hasResult()) {
            playback.reset();
            status.edited();
        }
        Compiled c = workspace.compiled();
        presetEdited = presetCanonical != null && (c == null || !c.canonical().equals(presetCanonical));
        presetCard.setEdited(presetEdited);
        showCompiled();
    }

    private void showBrokenLink(String why) {
        playback.reset();
        layout.setVisible(false);
        presetCard.setVisible(false);
        brokenLink.show(why);
    }

    // ---------------------------------------------------------------- after each edit

    /** The workspace compiled (once): field errors, or landscape, readouts, charts and URL follow. */
    private void showCompiled() {
        forms.showCompiled();
        Compiled c = workspace.compiled();
        controls.setRunnable(c != null);
        if (c == null) {
            String field = workspace.error().field();
            status.invalid(field == null ? "" : field);
            return;
        }
        Map<String, Object> landscape = c.spec().landscape().toJson();
        if (!landscape.equals(shownLandscape)) {
            shownLandscape = landscape;
            canvas.setField(LandscapePlot.home(c, draft.selected()));
        }
        stage.showAnalysis(c);
        if (!playback.hasResult()) {
            showEmptyCharts();
        }
        share.show(c);
        showPictureTitle();
        try {
            addressCode = workspace.shareCode();
            share.setLinkable(null);
        } catch (ShareCodeTooLargeException e) {
            // no link rather than one the server would refuse (or a stale one for another experiment)
            share.setLinkable(e);
            addressCode = null;
        }
        addressKnown = true;
        showAddress();
    }

    /** The address bar holds the experiment, its preset and presenter mode (also after the toggle). */
    private void showAddress() {
        if (addressKnown) {
            share.showInAddressBar(PlaygroundAddress.of(addressCode, presetId, presenter.isPresenting()));
        }
    }

    /** The exported picture's heading: the preset's title, or the landscape's name. */
    private void showPictureTitle() {
        Compiled c = workspace.compiled();
        if (c == null) {
            return;
        }
        PresetLookup.Card card = presetId == null ? null : presets.card(presetId, getLocale());
        Object type = c.spec().landscape().toJson().get("type");
        canvas.setExportTitle(PictureTitle.of(card == null ? null : card.title(), presetEdited,
                t -> getTranslation("present.picture.changed", t), getTranslation("type.landscape." + type)));
    }

    private void resetRun() {
        playback.reset();
        showEmptyCharts();
        status.idle();
    }

    /** Before a run: empty charts with the runs' names and colours, the timeline's length. */
    private void showEmptyCharts() {
        if (workspace.compiled() != null) {
            playback.showEmpty(workspace.compiled(), draft);
        }
    }

    // ---------------------------------------------------------------- lifecycle, i18n

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        stage.attach();
        presenter.attached();
        Keyboard.install(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stage.detach();
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        forms.relabel();
        stage.relabel();
        share.relabel();
        presenter.relabel();
        showPictureTitle();
        if (!playback.hasResult()) {
            status.idle();
            showEmptyCharts();
        }
        presetCard.show(presetId == null ? null : presets.card(presetId, getLocale()));
        stage.showAnalysis(workspace.compiled());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.playground") + " · LR Lab";
    }
}
