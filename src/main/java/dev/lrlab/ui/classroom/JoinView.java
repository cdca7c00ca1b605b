package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.SeatRules;
import dev.lrlab.links.RateLimiter;

/** {@code /join}: a student types the class code and a display name (or none) and takes a seat. */
@Route("join")
public class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassroomService classes;
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Button join = new Button();
    private final Paragraph error = new Paragraph();

    public JoinView(ClassroomService classes) {
        this.classes = classes;
        addClassName("lr-page");
        addClassName("lr-join");
        code.setId("join-code");
        code.setMaxLength(8);
        code.addClassName("lr-join-code");
        name.setId("join-name");
        name.setMaxLength(SeatRules.MAX_NAME);
        join.setId("join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER);
        join.addClickListener(e -> join());
        error.setId("join-error");
        error.addClassName("lr-error");
        error.setVisible(false);
        add(new H2(getTranslation("class.join.title")), code, name, join, error);
        code.setLabel(getTranslation("class.join.code"));
        name.setLabel(getTranslation("class.join.name"));
        name.setHelperText(getTranslation("class.join.nameHelp", SeatRules.MAX_NAME));
        join.setText(getTranslation("class.join.button"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent(code::setValue);
    }

    private void join() {
        UI ui = UI.getCurrent();
        try {
            ClassroomService.Joined j = classes.join(code.getValue(), name.getValue(), ui.getSession().getBrowser().getAddress());
            SeatStore.save(ui, j.code(), j.memberId(), j.seatToken());
            ui.navigate("class/" + j.code());
        } catch (ClassroomException e) {
            show(switch (e.reason()) {
                case NOT_FOUND -> getTranslation("class.join.unknown", code.getValue().strip());
                case FULL -> getTranslation("class.join.full", classes.settings().maxMembers());
                case ENDED -> getTranslation("class.join.ended");
                default -> "name".equals(e.field()) ? getTranslation("class.join.nameTooLong", SeatRules.MAX_NAME)
                        : e.getMessage();
            });
        } catch (RateLimiter.RateLimitedException e) {
            // too many joins from this network, or too many wrong codes: each says which
            show(getTranslation("class-joins".equals(e.limiter()) ? "class.join.tooMany" : "class.join.limited",
                    e.retryAfterSeconds()));
        }
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.join.title") + " · LR Lab";
    }
}
