package dev.lrlab.ui.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a reader sees when an address cannot be used: a title, what was wrong in plain words, and
 * the two ways on (a fresh experiment, the presets). Styled like the playground's broken-link panel.
 */
final class ErrorPanel extends Div {
    private final H2 title = new H2();
    private final Paragraph body = new Paragraph();
    private final Anchor fresh = new Anchor("playground", "");
    private final Anchor gallery = new Anchor("presets", "");

    ErrorPanel(String id) {
        addClassNames("lr-page", "lr-broken-link");
        setId(id);
        body.setId(id + "-detail");
        fresh.setId(id + "-fresh");
        Div actions = new Div(fresh, gallery);
        actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
        add(title, body, actions);
    }

    /** Texts are already translated by the caller (views know their locale). */
    void show(String titleText, String bodyText, String freshText, String galleryText) {
        title.setText(titleText);
        body.setText(bodyText);
        fresh.setText(freshText);
        gallery.setText(galleryText);
    }
}
