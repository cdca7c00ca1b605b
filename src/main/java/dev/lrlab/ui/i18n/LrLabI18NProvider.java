package dev.lrlab.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * All UI strings come from the {@code i18n/messages} bundles (UTF-8 properties). A missing key
 * shows as {@code !key!} so it is caught in review and by the bundle-completeness test.
 */
@Component
public class LrLabI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, CHINESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = CHINESE.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? CHINESE : ENGLISH;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Never fall back to the JVM's default locale: English is the base bundle. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
