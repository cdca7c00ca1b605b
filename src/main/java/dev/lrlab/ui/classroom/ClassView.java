package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.links.RateLimiter;

/** {@code /class}: start a class (no account: the private link is the key) or join one. */
@Route("class")
@Menu(title = "nav.class", order = 3, icon = "vaadin:academy-cap")
public class ClassView extends VerticalLayout implements HasDynamicTitle {

    public ClassView(ClassroomService classes) {
        addClassName("lr-page");
        Button start = new Button(getTranslation("class.start.button"), e -> {
            UI ui = UI.getCurrent();
            try {
                ClassroomService.Created c = classes.create(ui.getSession().getBrowser().getAddress());
                ui.navigate("class/teach/" + c.code(), QueryParameters.of("k", c.secret()));
            } catch (RateLimiter.RateLimitedException limited) {
                Notification.show(getTranslation("class.start.limited", limited.retryAfterSeconds()), 8000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        start.setId("start-class");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Anchor join = new Anchor("join", getTranslation("class.start.join"));
        join.setId("join-link");
        add(new H2(getTranslation("class.title")), new Paragraph(getTranslation("class.start.text")), start,
                new Paragraph(getTranslation("class.start.private")), join);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.title") + " · LR Lab";
    }
}
