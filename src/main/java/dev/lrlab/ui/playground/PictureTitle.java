package dev.lrlab.ui.playground;

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
     * @param editedMark    appended to a changed preset's title, e.g. "(changed)"
     * @param landscapeName the landscape type's name in the page's language
     */
    static String of(String presetTitle, boolean edited, String editedMark, String landscapeName) {
        if (presetTitle != null && !presetTitle.isBlank()) {
            return edited ? presetTitle + " " + editedMark : presetTitle;
        }
        return landscapeName == null ? "" : landscapeName;
    }
}
