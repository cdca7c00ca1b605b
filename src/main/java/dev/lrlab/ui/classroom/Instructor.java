package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.SpecException;
import dev.lrlab.ui.playground.ShareCodeText;

/**
 * The dashboard's hand on its class: every action goes to the service with the secret from the
 * private link, which checks it (the page holds no power of its own). Refusals become a message.
 */
final class Instructor {
    interface Action {
        void run(ClassroomService classes, String code, String secret);
    }

    final ClassroomService classes;
    final String code;
    final String secret;

    Instructor(ClassroomService classes, String code, String secret) {
        this.classes = classes;
        this.code = code;
        this.secret = secret;
    }

    /** Runs an action; false (and a message) when the service refused it. */
    boolean act(Action a) {
        try {
            a.run(classes, code, secret);
            return true;
        } catch (ClassroomException | SpecException | ShareCodeException e) {
            String where = e instanceof SpecException se && se.field() != null && !se.field().isEmpty()
                    ? se.field() + ": " : "";
            String what = e instanceof ShareCodeException sc ? ShareCodeText.of(sc, com.vaadin.flow.component.UI.getCurrent()) : e.getMessage();
            Notification n = Notification.show(where + what, 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
