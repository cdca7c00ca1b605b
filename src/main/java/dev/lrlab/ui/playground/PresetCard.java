package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The lesson card of a loaded preset: its seed ids, title, question and formula. */
public class PresetCard extends Div {

    public PresetCard() {
        addClassName("lr-preset-card");
        setId("preset-card");
        setVisible(false);
    }

    /** Shows {@code card}, or hides the card when it is null. */
    public void show(PresetLookup.Card card) {
        removeAll();
        setVisible(card != null);
        if (card == null) {
            return;
        }
        Span seeds = new Span(String.join(" · ", card.seeds()));
        seeds.getElement().getThemeList().add("badge contrast");
        Span title = new Span(card.title());
        title.addClassName("lr-preset-title");
        Paragraph question = new Paragraph(card.question());
        question.setId("preset-question");
        add(new Div(seeds, title), question, new Formula(card.formula()));
    }
}
