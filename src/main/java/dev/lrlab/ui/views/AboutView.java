package dev.lrlab.ui.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.lrlab.ui.playground.PresetLookup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What LR Lab is, and which preset shows each idea of the lessons. */
@Route("about")
@Menu(title = "nav.about", order = 4, icon = "vaadin:info-circle-o")
public class AboutView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final PresetLookup presets;
    private final H2 heading = new H2();
    private final Paragraph body = new Paragraph();
    private final Paragraph ideas = new Paragraph();
    private final H3 indexTitle = new H3();
    private final Div index = new Div();

    public AboutView(PresetLookup presets) {
        this.presets = presets;
        addClassName("lr-page");
        body.addClassName("lr-coming");
        ideas.addClassName("lr-coming");
        index.addClassName("lr-idea-index");
        index.setId("idea-index");
        add(heading, body, ideas, indexTitle, index);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("about.title"));
        body.setText(getTranslation("about.body"));
        ideas.setText(getTranslation("about.ideas"));
        indexTitle.setText(getTranslation("about.index"));
        index.removeAll();
        // idea id (S1 … S29) → the presets that show it, in numeric order
        Map<Integer, List<PresetLookup.Card>> byIdea = new TreeMap<>();
        for (PresetLookup.Card card : presets.cards(event.getLocale())) {
            for (String seed : card.seeds()) {
                byIdea.computeIfAbsent(Integer.parseInt(seed.substring(1)), k -> new java.util.ArrayList<>()).add(card);
            }
        }
        byIdea.forEach((idea, cards) -> {
            Span id = new Span("S" + idea);
            id.getElement().getThemeList().add("badge contrast");
            Div links = new Div();
            for (PresetLookup.Card c : cards) {
                links.add(new Anchor("playground?preset=" + c.id(), c.title()));
            }
            Div row = new Div(id, links);
            row.addClassName("lr-idea-row");
            index.add(row);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("about.title");
    }
}
