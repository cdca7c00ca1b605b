package dev.lrlab.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundleCompletenessTest {

    private final LrLabI18NProvider provider = new LrLabI18NProvider();

    @Test
    void everyEnglishKeyHasAChineseTranslationAndViceVersa() {
        Set<String> en = ResourceBundle.getBundle(LrLabI18NProvider.BUNDLE, Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();
        ResourceBundle zhBundle = ResourceBundle.getBundle(LrLabI18NProvider.BUNDLE, Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(zhBundle.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        Set<String> zh = zhBundle.keySet();
        assertThat(zh).containsExactlyInAnyOrderElementsOf(en);
    }

    @Test
    void translatesWithParametersInBothLanguages() {
        assertThat(provider.getTranslation("nav.playground", Locale.ENGLISH)).isEqualTo("Playground");
        assertThat(provider.getTranslation("nav.playground", Locale.SIMPLIFIED_CHINESE)).isEqualTo("实验场");
        assertThat(provider.getTranslation("status.divergedRun", Locale.ENGLISH, "GD", 37)).isEqualTo("GD diverged at step 37");
        assertThat(provider.getTranslation("status.divergedRun", Locale.SIMPLIFIED_CHINESE, "GD", 37)).isEqualTo("GD 在第 37 步发散");
    }

    @Test
    void unknownKeysAreVisibleAndOtherLocalesFallBackToEnglish() {
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(provider.getTranslation("nav.about", Locale.GERMAN)).isEqualTo("About");
    }
}
