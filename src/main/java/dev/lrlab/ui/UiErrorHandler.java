package dev.lrlab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outlet for every failure in the UI: an event listener, a navigation, or a command run with
 * {@code ui.access} (Vaadin hands those to the session's error handler too). The failure is
 * logged once with its stack trace, the reader sees a short notification in their language, and
 * the session lives on (Vaadin's default would only log, leaving the reader with a button that
 * silently did nothing).
 */
@org.springframework.stereotype.Component
public class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable t = event.getThrowable();
        LOG.error("Unexpected error in the UI", t);
        UI ui = event.getComponent().flatMap(Component::getUI).orElseGet(UI::getCurrent);
        if (ui == null) {
            return; // no page to tell (e.g. a background task after the tab closed)
        }
        // the handler runs with the session locked; access() also covers a call from another thread
        ui.access(() -> show(ui));
    }

    static void show(UI ui) {
        Notification n = new Notification(ui.getTranslation("error.unexpected"), 6000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
        n.open();
    }
}
