package dev.lrlab.ui.playground;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinSession;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.links.LinkService;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.ui.PublicLinks;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * "Short link": stores the current experiment and shows its {@code /l/{id}} link, copied to the
 * clipboard. Always available, also when the experiment is too big for a {@code ?s=} code.
 * Counts against the same per-address creation limit as {@code POST /api/links}.
 */
public class ShortLinkButton extends Button implements LocaleChangeObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ShortLinkButton.class);

    private final LinkService links;
    private final Supplier<Compiled> current;

    public ShortLinkButton(LinkService links, Supplier<Compiled> current) {
        this.links = links;
        this.current = current;
        setId("btn-short-link");
        setIcon(VaadinIcon.CONNECT.create());
        addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> share());
    }

    private void share() {
        Compiled c = current.get();
        if (c == null) {
            notify(getTranslation("share.short.invalid"), NotificationVariant.LUMO_ERROR);
            return;
        }
        String id;
        try {
            id = links.create(VaadinSession.getCurrent().getBrowser().getAddress(), c).id();
        } catch (RateLimiter.RateLimitedException e) {
            notify(getTranslation("share.short.limit", links.limiter().perMinute(), e.retryAfterSeconds()),
                    NotificationVariant.LUMO_ERROR);
            return;
        } catch (LinkService.SpecTooLargeException e) {
            notify(getTranslation("share.short.tooLarge", e.maxBytes() / 1024), NotificationVariant.LUMO_ERROR);
            return;
        } catch (DataAccessException e) {
            LOG.error("cannot store a short link", e);
            notify(getTranslation("share.short.failed"), NotificationVariant.LUMO_ERROR);
            return;
        }
        String url = absolute(id);
        copy(url);
        show(url);
    }

    /** The link under {@code lrlab.public-url}, else as the browser reached this server (a plain host only). */
    private static String absolute(String id) {
        return PublicLinks.base() + "/l/" + id;
    }

    /**
     * Shows the link in a notification that stays until closed (a Notification rather than a
     * Dialog: the committed production bundle holds no dialog element).
     */
    private void show(String url) {
        Notification n = new Notification();
        n.setPosition(Notification.Position.MIDDLE);
        n.setDuration(0);
        Span title = new Span(getTranslation("share.short.title"));
        title.addClassName("lr-section-title");
        TextField field = new TextField();
        field.setId("short-link-url");
        field.setValue(url);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setMinWidth("min(24rem, 75vw)");
        Paragraph note = new Paragraph(getTranslation("share.short.note"));
        note.getStyle().set("max-width", "28rem").set("margin", "0");
        Button copyAgain = new Button(getTranslation("share.short.copy"), VaadinIcon.COPY.create(), e -> {
            copy(url);
            notify(getTranslation("share.short.copied"), NotificationVariant.LUMO_SUCCESS);
        });
        copyAgain.setId("btn-short-link-copy");
        copyAgain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor open = new Anchor(url, getTranslation("share.short.open"), AnchorTarget.BLANK);
        open.setId("short-link-open");
        Button close = new Button(getTranslation("share.short.close"), e -> n.close());
        close.setId("btn-short-link-close");
        Div actions = new Div(copyAgain, open, close);
        actions.addClassName("lr-controls");
        actions.getStyle().set("gap", "var(--lumo-space-m)").set("align-items", "center");
        Div box = new Div(title, field, note, actions);
        box.setId("short-link-dialog");
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        n.add(box);
        n.open();
    }

    private void copy(String url) {
        Clipboard.copy(getElement(), url);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        setText(getTranslation("share.short"));
    }
}
