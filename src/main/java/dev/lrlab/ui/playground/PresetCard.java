package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;

/**
 * The lesson card of a loaded preset: its seed ids, title, question and formula. Once the student
 * edits the experiment the card says that it describes the original, with a way back.
 */
public class PresetCard extends Div {
    private final Div edited = new Div();

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
        edited.removeAll();
        edited.setId("preset-edited");
        edited.addClassName("lr-preset-edited");
        Button restore = new Button(getTranslation("preset.restore"), VaadinIcon.ARROW_BACKWARD.create());
        restore.setId("btn-preset-restore");
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        restore.addClickListener(e -> fireEvent(new RestoreEvent(this)));
        edited.add(new Span(getTranslation("preset.edited")), restore);
        edited.setVisible(false);
        add(new Div(seeds, title), question, new Formula(card.formula()), edited);
    }

    /** Whether the experiment on screen is no longer the preset's. */
    public void setEdited(boolean changed) {
        edited.setVisible(changed);
        getElement().getClassList().set("lr-preset-card-edited", changed);
    }

    public Registration addRestoreListener(ComponentEventListener<RestoreEvent> l) {
        return addListener(RestoreEvent.class, l);
    }

    /** The student wants the preset's experiment back. */
    public static class RestoreEvent extends ComponentEvent<PresetCard> {
        RestoreEvent(PresetCard source) {
            super(source, false);
        }
    }
}
