package dev.lrlab.ui.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The address bar in and out of presenter mode, and the exported picture's title. */
class PresenterAddressTest {

    @Test
    void presenterModeIsPartOfTheAddress() {
        assertThat(PlaygroundAddress.of("1.abc", null, false)).isEqualTo("?s=1.abc");
        assertThat(PlaygroundAddress.of("1.abc", null, true)).isEqualTo("?s=1.abc&present=1");
        assertThat(PlaygroundAddress.of("1.abc", "s1-stability-edge", true)).isEqualTo("?s=1.abc&preset=s1-stability-edge&present=1");
        assertThat(PlaygroundAddress.of("1.abc", "s1-stability-edge", false)).isEqualTo("?s=1.abc&preset=s1-stability-edge");
    }

    @Test
    void anExperimentTooLargeForALinkKeepsPresenterModeOnly() {
        assertThat(PlaygroundAddress.of(null, "s1-stability-edge", false)).isEqualTo("playground");
        assertThat(PlaygroundAddress.of(null, null, true)).isEqualTo("playground?present=1");
    }

    @Test
    void presentOneOrTrueAsksForPresenterMode() {
        assertThat(PlaygroundAddress.presenting(q(Map.of("present", List.of("1"))))).isTrue();
        assertThat(PlaygroundAddress.presenting(q(Map.of("present", List.of("true"))))).isTrue();
        assertThat(PlaygroundAddress.presenting(q(Map.of("present", List.of("0"))))).isFalse();
        assertThat(PlaygroundAddress.presenting(q(Map.of("s", List.of("1.abc"))))).isFalse();
        // what the view writes, it reads back
        String address = PlaygroundAddress.of("1.abc", "s1-stability-edge", true);
        assertThat(PlaygroundAddress.presenting(QueryParameters.fromString(address.substring(1)))).isTrue();
    }

    @Test
    void thePictureIsTitledByItsPresetOrItsLandscape() {
        dev.lrlab.ui.i18n.LrLabI18NProvider i18n = new dev.lrlab.ui.i18n.LrLabI18NProvider();
        java.util.function.UnaryOperator<String> en = t -> i18n.getTranslation("present.picture.changed", java.util.Locale.ENGLISH, t);
        java.util.function.UnaryOperator<String> zh = t -> i18n.getTranslation("present.picture.changed",
                java.util.Locale.SIMPLIFIED_CHINESE, t);
        assertThat(PictureTitle.of("The stability edge", false, en, "Quadratic")).isEqualTo("The stability edge");
        assertThat(PictureTitle.of("The stability edge", true, en, "Quadratic")).isEqualTo("The stability edge (changed)");
        assertThat(PictureTitle.of("稳定性边界", true, zh, "二次函数")).isEqualTo("稳定性边界（已修改）");
        assertThat(PictureTitle.of(null, false, en, "Rosenbrock valley")).isEqualTo("Rosenbrock valley");
    }

    private static QueryParameters q(Map<String, List<String>> m) {
        return new QueryParameters(m);
    }
}
