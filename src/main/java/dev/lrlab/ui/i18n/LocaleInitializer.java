package dev.lrlab.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keeps the chosen language across page loads: every new UI takes the session's locale, and a
 * first visit takes the browser's preferred language when it is Chinese.
 */
@Component
public class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinSession session = ui.getUI().getSession();
            Locale locale = session.getLocale();
            boolean chinese = locale != null && "zh".equals(locale.getLanguage());
            ui.getUI().setLocale(chinese ? LrLabI18NProvider.CHINESE : LrLabI18NProvider.ENGLISH);
        });
    }
}
