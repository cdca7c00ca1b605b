package dev.lrlab.ui.views;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.ui.MainLayout;

@Route(value = "about", layout = MainLayout.class)
public class AboutView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final H2 heading = new H2();
    private final Paragraph body = new Paragraph();
    private final Paragraph ideas = new Paragraph();

    public AboutView() {
        addClassName("lr-page");
        body.addClassName("lr-coming");
        ideas.addClassName("lr-coming");
        add(heading, body, ideas);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("about.title"));
        body.setText(getTranslation("about.body"));
        ideas.setText(getTranslation("about.ideas"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("about.title");
    }
}
