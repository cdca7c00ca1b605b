package dev.lrlab.ui.playground;

import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The presets as the UI shows them: localized cards and specs to load. */
@Service
public class PresetLookup {

    private final PresetCatalog catalog;

    public PresetLookup(PresetCatalog catalog) {
        this.catalog = catalog;
    }

    /** A preset in the UI language. */
    public record Card(String id, List<String> seeds, String title, String question, String formula) {
    }

    public List<Card> cards(Locale locale) {
        return catalog.all().stream().map(p -> card(p, locale)).toList();
    }

    public Card card(String id, Locale locale) {
        return catalog.byId(id).map(p -> card(p, locale)).orElse(null);
    }

    /** The N of the means over the last N steps the preset's card talks about, or null. */
    public Integer meanOverLast(String id) {
        return id == null ? null : catalog.byId(id).map(Preset::meanOverLast).orElse(null);
    }

    /** The preset's spec, or null when there is no such preset. */
    public Map<String, Object> spec(String id) {
        return catalog.byId(id).map(Preset::spec).orElse(null);
    }

    /** The comparison presets' cards, in catalog order. */
    public List<Card> comparisonCards(Locale locale) {
        return catalog.comparisons().stream().map(p -> comparisonCard(p, locale)).toList();
    }

    public Card comparisonCard(String id, Locale locale) {
        return catalog.comparison(id).map(p -> comparisonCard(p, locale)).orElse(null);
    }

    /** The comparison preset itself (spec and sweep), or null. */
    public dev.lrlab.presets.ComparisonPreset comparison(String id) {
        return catalog.comparison(id).orElse(null);
    }

    private static Card comparisonCard(dev.lrlab.presets.ComparisonPreset p, Locale locale) {
        String lang = locale != null && "zh".equals(locale.getLanguage()) ? "zh" : "en";
        return new Card(p.id(), p.seeds(), text(p.title(), lang), text(p.question(), lang), text(p.formula(), lang));
    }

    private static Card card(Preset p, Locale locale) {
        String lang = locale != null && "zh".equals(locale.getLanguage()) ? "zh" : "en";
        return new Card(p.id(), p.seeds(), text(p.title(), lang), text(p.question(), lang), text(p.formula(), lang));
    }

    private static String text(Map<String, String> m, String lang) {
        String s = m.get(lang);
        return s == null ? m.getOrDefault("en", "") : s;
    }
}
