package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import dev.lrlab.links.RateLimiter;

/**
 * What the dashboard and the projector show when their private link does not open a class. An
 * unknown code, a wrong secret and a missing one read exactly alike, so the page tells a stranger
 * nothing about which codes exist; out of guesses, it says when to try again.
 */
final class Denied {
    private Denied() {
    }

    static Div of(Component page, RuntimeException why) {
        Div box = new Div();
        box.setId("class-denied");
        box.add(new H2(page.getTranslation("class.teach.denied")));
        Paragraph text = new Paragraph(why instanceof RateLimiter.RateLimitedException limited
                ? page.getTranslation("class.limited.guesses", limited.retryAfterSeconds())
                : page.getTranslation("class.teach.deniedHelp"));
        text.setId("class-denied-text");
        box.add(text);
        return box;
    }
}
