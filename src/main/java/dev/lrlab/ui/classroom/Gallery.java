package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.classroom.ClassState;
import java.util.List;
import java.util.function.IntConsumer;

/** Every seat's last run as a card: name, loss sparkline, final loss or divergence, spotlight. */
final class Gallery extends Div {
    private final IntConsumer spotlight;

    Gallery(IntConsumer spotlight) {
        this.spotlight = spotlight;
        addClassName("lr-gallery");
        setId("gallery");
    }

    void show(ClassState s) {
        removeAll();
        if (s.members().isEmpty()) {
            add(new Span(getTranslation("class.gallery.empty")));
        }
        for (ClassState.Member m : s.members()) {
            ClassState.Submission sub = s.submission(m.id()).orElse(null);
            Div card = new Div();
            card.addClassName("lr-gallery-card");
            card.getElement().setAttribute("data-member", Integer.toString(m.id()));
            if (Integer.valueOf(m.id()).equals(s.spotlight())) {
                card.addClassName("lr-spotlit");
            }
            Span name = new Span(s.anonymized() ? m.alias() : m.name());
            name.addClassName("lr-gallery-name");
            card.add(name);
            if (!s.anonymized() && !m.name().equals(m.alias())) {
                Span alias = new Span(m.alias());
                alias.addClassName("lr-gallery-alias");
                card.add(alias);
            }
            if (sub == null) {
                card.add(new Span(getTranslation("class.gallery.noRun")));
            } else {
                card.add(Svg.image(sparkline(sub.lossCurve(), sub.divergedAt() != null), ""));
                Span result = new Span(sub.divergedAt() != null
                        ? getTranslation("class.gallery.diverged", sub.divergedAt())
                        : getTranslation("class.gallery.loss", sub.finalLoss() == null ? "–" : Svg.label(sub.finalLoss())));
                result.addClassName(sub.divergedAt() != null ? "lr-bad" : "lr-good");
                card.add(result);
                Button spot = new Button(getTranslation("class.gallery.spotlight"), e -> spotlight.accept(m.id()));
                spot.addThemeVariants(ButtonVariant.LUMO_SMALL);
                spot.addClassName("lr-spotlight-button");
                card.add(spot);
            }
            add(card);
        }
    }

    /** log10 of the losses as a line; red when the run diverged. */
    static String sparkline(List<Double> loss, boolean diverged) {
        StringBuilder d = new StringBuilder();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : loss) {
            double l = Math.log10(Math.max(v, 1e-300));
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        double span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < loss.size(); i++) {
            double x = loss.size() == 1 ? 0 : 120.0 * i / (loss.size() - 1);
            double y = 38 - 36 * (Math.log10(Math.max(loss.get(i), 1e-300)) - lo) / span;
            d.append(i == 0 ? 'M' : 'L').append(Svg.num(x)).append(' ').append(Svg.num(y));
        }
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 120 40'><path d='" + d + "' fill='none' stroke='"
                + (diverged ? "#c92a2a" : "#1c7ed6") + "' stroke-width='2'/></svg>";
    }
}
