package dev.lrlab.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.lrlab.ui.playground.Formula;
import dev.lrlab.ui.playground.PlaygroundView;
import dev.lrlab.ui.playground.PresetLookup;
import java.util.Map;

/** The presets gallery: one card per lesson experiment, with its question and formula. */
@Route("presets")
@Menu(title = "nav.presets", order = 1, icon = "vaadin:book")
public class PresetsView extends Div implements LocaleChangeObserver, HasDynamicTitle {

    private final PresetLookup presets;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final Div grid = new Div();
    private final H2 comparisonsHeading = new H2();
    private final Paragraph comparisonsIntro = new Paragraph();
    private final Div comparisons = new Div();

    public PresetsView(PresetLookup presets) {
        this.presets = presets;
        addClassName("lr-page");
        grid.addClassName("lr-preset-grid");
        comparisons.addClassName("lr-preset-grid");
        comparisons.setId("comparison-presets");
        add(heading, intro, grid, comparisonsHeading, comparisonsIntro, comparisons);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("presets.title"));
        intro.setText(getTranslation("presets.intro"));
        grid.removeAll();
        comparisonsHeading.setText(getTranslation("presets.comparisons"));
        comparisonsIntro.setText(getTranslation("presets.comparisons.intro"));
        comparisons.removeAll();
        for (PresetLookup.Card card : presets.comparisonCards(event.getLocale())) {
            Button open = new Button(getTranslation("presets.openCompare"), VaadinIcon.SPLIT.create());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            open.setId("compare-" + card.id());
            open.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("compare",
                    QueryParameters.simple(Map.of("preset", card.id())))));
            comparisons.add(tile(card, open));
        }
        for (PresetLookup.Card card : presets.cards(event.getLocale())) {
            Button load = new Button(getTranslation("presets.load"), VaadinIcon.PLAY.create());
            load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            load.setId("load-" + card.id());
            load.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PlaygroundView.class,
                    QueryParameters.simple(Map.of("preset", card.id())))));
            grid.add(tile(card, load));
        }
    }

    private static Div tile(PresetLookup.Card card, Button action) {
        Span seeds = new Span(String.join(" · ", card.seeds()));
        seeds.getElement().getThemeList().add("badge contrast");
        Div body = new Div(seeds, new H3(card.title()), new Paragraph(card.question()), new Formula(card.formula()));
        body.addClassName("lr-preset-body");
        Div c = new Div(body, action);
        c.addClassName("lr-preset-tile");
        c.setId("preset-" + card.id());
        return c;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("presets.title") + " · LR Lab";
    }
}
