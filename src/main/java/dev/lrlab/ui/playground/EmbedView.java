package dev.lrlab.ui.playground;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.links.LinkService;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A chromeless playground for an {@code <iframe>} in slides or a course page:
 * {@code /embed/l/{id}} (a short link) or {@code /embed?s=<code>}. No app shell; flags like
 * TensorFlow Playground's hide parts ({@code ?hide=forms,charts,readouts,timeline,controls}),
 * {@code ?autoplay=1} starts the run, and "Open in LR Lab" opens the same experiment in a full tab.
 * Edits in the embedded forms stay in the frame (the slide's link never changes).
 */
@Route(value = "embed/l/:id", autoLayout = false)
@RouteAlias(value = "embed", autoLayout = false)
public class EmbedView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {
    /** Parts a page may hide. */
    static final Set<String> PARTS = Set.of("forms", "charts", "readouts", "timeline", "controls");

    private final LinkService links;
    private final ExperimentWorkspace workspace;
    private final ExperimentPanel forms;
    /** Controls, status, landscape, timeline, readouts, charts and the live run, wired once. */
    private final RunStage stage;
    private final LivePlayback playback;
    private final Anchor open = new Anchor();
    private final Span title = new Span();
    private final BrokenLinkPanel broken = new BrokenLinkPanel();
    private final Div body = new Div();
    private boolean autoplay;
    private final PresenterMode presenter;

    public EmbedView(LiveUiService live, ExperimentService experiments, LinkService links) {
        this.links = links;
        this.workspace = new ExperimentWorkspace(experiments);
        this.forms = new ExperimentPanel(workspace, experiments);
        this.stage = new RunStage(live, this, experiments, workspace.draft(), workspace::compiled, this::resetRun);
        this.playback = stage.playback();
        // on a slide (?present=1): projector type, the forms folded behind one button; the URL decides
        this.presenter = new PresenterMode(this, stage, List.of(), () -> {
        });
        addClassName("lr-embed");
        setId("embed");
        open.setId("embed-open");
        open.setTarget(AnchorTarget.BLANK);
        title.addClassName("lr-embed-title");
        Div bar = new Div(title, presenter.formsToggle(), open);
        bar.addClassName("lr-embed-bar");
        forms.addEditedListener(e -> {
            playback.reset();
            showCompiled();
        });
        Div main = new Div(stage.controls(), stage.status(), stage.canvas(), stage.timeline(), stage.readouts(),
                stage.charts());
        main.addClassName("lr-embed-main");
        body.addClassName("lr-embed-body");
        body.add(main, forms);
        broken.addFreshStartListener(e -> getUI().ifPresent(ui -> ui.getPage().setLocation("/")));
        add(bar, broken, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        Optional<String> id = event.getRouteParameters().get("id");
        String code = q.getSingleParameter("s").orElse(null);
        try {
            if (id.isPresent()) {
                Optional<LinkService.Opened> opened = links.open(id.get());
                if (opened.isEmpty()) {
                    showBroken(getTranslation("broken.link.unknown", id.get()));
                    return;
                }
                workspace.load(opened.get().compiled());
                open.setHref("l/" + id.get());
            } else if (code != null) {
                workspace.open(code);
                open.setHref("playground?s=" + code);
            } else {
                showBroken(getTranslation("embed.nothing"));
                return;
            }
        } catch (ShareCodeException e) {
            showBroken(ShareCodeText.of(e, this));
            return;
        } catch (SpecException e) {
            showBroken(e.getMessage());
            return;
        }
        List<String> hide = new ArrayList<>();
        q.getSingleParameter("hide").ifPresent(h -> {
            for (String part : h.split(",")) {
                if (PARTS.contains(part.trim())) {
                    hide.add(part.trim());
                }
            }
        });
        forms.setVisible(!hide.contains("forms"));
        body.getElement().getClassList().set("lr-embed-solo", hide.contains("forms"));
        stage.charts().setVisible(!hide.contains("charts"));
        stage.readouts().setVisible(!hide.contains("readouts"));
        stage.timeline().setVisible(!hide.contains("timeline"));
        stage.controls().setVisible(!hide.contains("controls"));
        presenter.set(PresenterMode.requested(q));
        // the folded forms need their button only when the page shows forms at all
        presenter.formsToggle().setVisible(presenter.isPresenting() && !hide.contains("forms"));
        body.getElement().getClassList().set("lr-embed-solo", hide.contains("forms") || presenter.isPresenting());
        if (presenter.isPresenting()) {
            open.setHref(open.getHref() + (open.getHref().contains("?") ? "&" : "?") + "present=1");
        }
        autoplay = q.getSingleParameter("autoplay").map(v -> v.equals("1") || v.equals("true")).orElse(false);
        broken.setVisible(false);
        body.setVisible(true);
        forms.showLoaded();
        showCompiled();
    }

    private void resetRun() {
        playback.reset();
        stage.status().idle();
    }

    private void showBroken(String why) {
        body.setVisible(false);
        broken.show(why);
    }

    private void showCompiled() {
        forms.showCompiled();
        Compiled c = workspace.compiled();
        stage.controls().setRunnable(c != null);
        if (c == null) {
            return;
        }
        stage.showHome(c);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workspace.draft().runCount(); i++) {
            names.add(workspace.draft().label(i));
        }
        title.setText(String.join(" · ", names));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        stage.attach();
        if (autoplay && workspace.compiled() != null && !playback.hasResult()) {
            playback.playPause(workspace.compiled(), workspace.draft());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stage.detach();
        super.onDetach(detachEvent);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        open.setText(getTranslation("embed.open"));
        presenter.relabel();
        forms.relabel();
        stage.relabel();
        if (!playback.hasResult()) {
            stage.status().idle();
        }
    }

    @Override
    public String getPageTitle() {
        return "LR Lab";
    }
}
