package dev.lrlab.ui.playground;

import java.util.function.UnaryOperator;

/**
 * The heading of the exported landscape picture: a slide or a report needs to say what it shows.
 * A loaded preset gives its title (marked when the student changed the experiment); otherwise
 * the landscape's name. The picture's legend names the runs, so the title does not repeat them.
 */
final class PictureTitle {

    private PictureTitle() {}

    /**
     * @param presetTitle   the loaded preset's title in the page's language, or null
     * @param edited        whether the experiment on screen is no longer the preset's
     * @param changed       a changed preset's title in the page's language, e.g. t → "t (changed)"
     * @param landscapeName the landscape type's name in the page's language
     */
    static String of(String presetTitle, boolean edited, UnaryOperator<String> changed, String landscapeName) {
        if (presetTitle != null && !presetTitle.isBlank()) {
            return edited ? changed.apply(presetTitle) : presetTitle;
        }
        return landscapeName == null ? "" : landscapeName;
    }
}
