package dev.lrlab.ui.views;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/** A page whose feature is announced but not built yet: says plainly what is coming. */
abstract class ComingSoonView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final String key;
    private final H2 heading = new H2();
    private final Paragraph text = new Paragraph();

    ComingSoonView(String key) {
        this.key = key;
        addClassName("lr-page");
        text.addClassName("lr-coming");
        add(heading, text);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation(key + ".title"));
        text.setText(getTranslation(key + ".coming"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(key + ".title") + " · LR Lab";
    }
}
