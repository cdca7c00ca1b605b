package dev.lrlab.ui.links;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.links.LinkService;
import dev.lrlab.links.SpecMigrations;
import dev.lrlab.spec.SpecException;
import dev.lrlab.ui.playground.LinkedExperiment;
import dev.lrlab.ui.playground.PlaygroundView;
import java.util.Optional;

/**
 * {@code /l/{id}}: opens a short link. A stored experiment is compiled once here and handed to the
 * playground the navigation forwards to; an unknown id (or a spec this server can no longer run)
 * gets the friendly broken-link page with a fresh start.
 */
@Route("l/:id")
public class LinkView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {
    private final LinkService links;
    private String id = "";
    /** The i18n key and argument of why the link does not open. */
    private String reasonKey = "broken.link.unknown";
    private String reasonArg = "";

    public LinkView(LinkService links) {
        this.links = links;
        addClassName("lr-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        try {
            Optional<LinkService.Opened> opened = links.open(id);
            if (opened.isPresent()) {
                LinkedExperiment.handTo(event.getUI(), opened.get().compiled());
                // the playground's own parameters (present=1) go along with the experiment
                event.forwardTo("", event.getLocation().getQueryParameters());
                return;
            }
            reasonKey = "broken.link.unknown";
            reasonArg = id;
        } catch (SpecException e) {
            reasonKey = "broken.link.unrunnable";
            reasonArg = (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage();
        } catch (SpecMigrations.UnsupportedVersionException e) {
            reasonKey = "broken.link.newer";
            reasonArg = id;
        }
    }

    private void showBroken() {
        removeAll();
        Div box = new Div();
        box.addClassName("lr-broken-link");
        box.setId("broken-link");
        Paragraph detail = new Paragraph(getTranslation(reasonKey, reasonArg));
        detail.addClassName("lr-broken-detail");
        detail.setId("broken-detail");
        Button fresh = new Button(getTranslation("broken.fresh"), VaadinIcon.REFRESH.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(PlaygroundView.class)));
        fresh.setId("btn-fresh-start");
        fresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor gallery = new Anchor("presets", getTranslation("broken.presets"));
        Div actions = new Div(fresh, gallery);
        actions.addClassName("lr-controls");
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        box.add(new H2(getTranslation("broken.title")), new Paragraph(getTranslation("broken.link.body")), detail,
                actions);
        add(box);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        showBroken();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("broken.title") + " · LR Lab";
    }
}
