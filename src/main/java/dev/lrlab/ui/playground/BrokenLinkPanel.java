package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;

/** What a damaged link or unknown preset shows instead of the playground: what was wrong, a fresh start. */
public class BrokenLinkPanel extends Div {

    public BrokenLinkPanel() {
        addClassName("lr-broken-link");
        setId("broken-link");
        setVisible(false);
    }

    /** Shows the panel with the plain explanation {@code why}. */
    public void show(String why) {
        removeAll();
        H2 title = new H2(getTranslation("broken.title"));
        Paragraph what = new Paragraph(getTranslation("broken.body"));
        Paragraph detail = new Paragraph(why);
        detail.addClassName("lr-broken-detail");
        detail.setId("broken-detail");
        Button fresh = new Button(getTranslation("broken.fresh"), VaadinIcon.REFRESH.create());
        fresh.setId("btn-fresh-start");
        fresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fresh.addClickListener(e -> fireEvent(new FreshStartEvent(this)));
        Anchor gallery = new Anchor("presets", getTranslation("broken.presets"));
        Div actions = new Div(fresh, gallery);
        actions.addClassName("lr-controls");
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        add(title, what, detail, actions);
        setVisible(true);
    }

    public Registration addFreshStartListener(ComponentEventListener<FreshStartEvent> l) {
        return addListener(FreshStartEvent.class, l);
    }

    /** The student asked for the default experiment instead. */
    public static class FreshStartEvent extends ComponentEvent<BrokenLinkPanel> {
        FreshStartEvent(BrokenLinkPanel source) {
            super(source, false);
        }
    }
}
