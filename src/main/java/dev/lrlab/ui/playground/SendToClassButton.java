package dev.lrlab.ui.playground;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.experiment.Compiled;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * "Send to my class": shown in the playground of a browser session that opened an instructor
 * dashboard; pushes the experiment on screen to that class. The dashboard leaves its code and
 * secret in the (server-side) Vaadin session; the service checks the secret as for any push.
 */
public class SendToClassButton extends Button {
    private static final String KEY = "lrlab.teaching";
    private final ClassroomService classes;
    private final Supplier<Compiled> experiment;
    private boolean compact;

    public SendToClassButton(ClassroomService classes, Supplier<Compiled> experiment) {
        this.classes = classes;
        this.experiment = experiment;
        setId("btn-send-to-class");
        setIcon(VaadinIcon.ACADEMY_CAP.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClickListener(e -> send());
    }

    /** Icon only, the words in its tooltip: for a panel's narrow header on the Compare page. */
    public SendToClassButton compact(String id) {
        compact = true;
        setId(id);
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        return this;
    }

    /** Called by the dashboard: this browser session teaches {@code code}. */
    public static void remember(VaadinSession session, String code, String secret) {
        Map<String, String> m = teaching(session);
        m.clear(); // the class opened last is the one "my class" means
        m.put(code, secret);
        session.setAttribute(KEY, m);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> teaching(VaadinSession session) {
        Object o = session.getAttribute(KEY);
        return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, String>) m) : new LinkedHashMap<>();
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        Map<String, String> m = teaching(e.getSession());
        setVisible(!m.isEmpty());
        m.keySet().stream().findFirst().ifPresent(code -> {
            String words = getTranslation("class.send", code);
            if (compact) {
                setTooltipText(words);
                setAriaLabel(words);
            } else {
                setText(words);
            }
        });
    }

    private void send() {
        Map<String, String> m = teaching(VaadinSession.getCurrent());
        Compiled c = experiment.get();
        if (m.isEmpty() || c == null) {
            return;
        }
        Map.Entry<String, String> t = m.entrySet().iterator().next();
        try {
            classes.push(t.getKey(), t.getValue(), c.minimal());
            Notification.show(getTranslation("class.sent", t.getKey()), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ClassroomException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
