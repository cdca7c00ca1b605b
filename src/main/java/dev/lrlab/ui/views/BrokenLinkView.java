package dev.lrlab.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.ui.MainLayout;
import java.util.List;

/**
 * Where the server sends an address it cannot read (a broken '%' escape in a path, for example,
 * answered by {@code dev.lrlab.web.HostileUrlFilter}): says so inside the app, with the way on.
 * {@code reason} picks the explanation; unknown reasons get the general one.
 */
@Route(value = "broken-link", layout = MainLayout.class)
public class BrokenLinkView extends Div implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {
    static final List<String> REASONS = List.of("address");

    private final ErrorPanel panel = new ErrorPanel("broken-address");
    private String reason = "general";

    public BrokenLinkView() {
        add(panel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String r = event.getLocation().getQueryParameters().getSingleParameter("reason").orElse("");
        reason = REASONS.contains(r) ? r : "general";
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        panel.show(getTranslation("broken.title"), getTranslation("brokenAddress." + reason),
                getTranslation("broken.fresh"), getTranslation("broken.presets"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("broken.title") + " · LR Lab";
    }
}
