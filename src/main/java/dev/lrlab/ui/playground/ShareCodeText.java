package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import dev.lrlab.share.ShareCodeException;

/** What is wrong with a share code, in the page's language ({@code share.error.<key>}). */
public final class ShareCodeText {
    private ShareCodeText() {
    }

    public static String of(ShareCodeException e, Component page) {
        if (e.key() == null || page == null) {
            return e.getMessage();
        }
        String text = page.getTranslation("share.error." + e.key(), e.args());
        return text.startsWith("!") ? e.getMessage() : text;
    }
}
