package dev.lrlab.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.ui.playground.PresetLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A preset's formula in 简体中文 is the English one with its words translated: the same
 * mathematics outside {@code \text{…}}, and no English word left inside it except names.
 */
class FormulaTranslationTest {

    /** Words that stay as they are in Chinese: optimizer names and PyTorch's subscripts. */
    private static final Set<String> NAMES = Set.of("AdaGrad", "RMSProp", "AdamW", "base", "eff");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    private final PresetCatalog catalog = PresetCatalog.standard();

    @Test
    void everyFormulaHasBothLanguagesWithTheSameMathematics() {
        for (Map.Entry<String, Map<String, String>> f : formulas().entrySet()) {
            assertThat(f.getValue().keySet()).as(f.getKey()).containsExactlyInAnyOrder("en", "zh");
            assertThat(math(f.getValue().get("zh"))).as(f.getKey()).isEqualTo(math(f.getValue().get("en")));
        }
    }

    @Test
    void chineseFormulasHaveNoEnglishWordsInsideText() {
        int translated = 0;
        for (Map.Entry<String, Map<String, String>> f : formulas().entrySet()) {
            for (String text : texts(f.getValue().get("zh"))) {
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    assertThat(NAMES).as(f.getKey() + ": \\text{" + text + "}").contains(m.group());
                }
            }
            if (!f.getValue().get("zh").equals(f.getValue().get("en"))) {
                translated++;
            }
        }
        // the stability edge, clipping of a step, sharpness, the pit, momentum resets …
        assertThat(translated).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theCardShowsTheFormulaOfThePagesLanguage() {
        PresetLookup lookup = new PresetLookup(catalog);
        assertThat(lookup.card("s1-stability-edge", Locale.ENGLISH).formula()).contains("\\text{stable iff }");
        assertThat(lookup.card("s1-stability-edge", Locale.SIMPLIFIED_CHINESE).formula()).contains("\\text{稳定当且仅当 }")
                .doesNotContain("stable");
        assertThat(lookup.comparisonCard("cmp-s8-momentum-reset", Locale.SIMPLIFIED_CHINESE).formula()).contains("对比");
        // a formula without words is the same in both languages
        assertThat(lookup.card("s20-cosine-annealing", Locale.SIMPLIFIED_CHINESE).formula())
                .isEqualTo(lookup.card("s20-cosine-annealing", Locale.ENGLISH).formula());
    }

    @Test
    void theTextGroupsAreFoundAndRemoved() {
        String f = "\\eta\\ \\text{to stay};\\quad \\theta_{\\text{end}}";
        assertThat(texts(f)).containsExactly("to stay", "end");
        assertThat(math(f)).isEqualTo("\\eta;\\theta_{}");
    }

    private Map<String, Map<String, String>> formulas() {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        catalog.all().forEach(p -> out.put(p.id(), p.formula()));
        catalog.comparisons().forEach(p -> out.put(p.id(), p.formula()));
        return out;
    }

    /** The contents of every {@code \text{…}} group (with nested braces). */
    static List<String> texts(String tex) {
        List<String> out = new ArrayList<>();
        int i = tex.indexOf("\\text{");
        while (i >= 0) {
            int start = i + "\\text{".length();
            int end = closing(tex, start);
            out.add(tex.substring(start, end));
            i = tex.indexOf("\\text{", end);
        }
        return out;
    }

    /**
     * The formula without its words: every {@code \text{…}} group removed, and spacing (blanks,
     * {@code \ }, {@code \quad}, {@code \qquad}) dropped, since a translation may need other spaces.
     */
    static String math(String tex) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        int t = tex.indexOf("\\text{");
        while (t >= 0) {
            b.append(tex, i, t);
            i = closing(tex, t + "\\text{".length()) + 1;
            t = tex.indexOf("\\text{", i);
        }
        b.append(tex.substring(i));
        return b.toString().replace("\\qquad", "").replace("\\quad", "").replace("\\ ", "").replaceAll("\\s+", "");
    }

    private static int closing(String tex, int from) {
        int depth = 1;
        for (int k = from; k < tex.length(); k++) {
            char c = tex.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("unclosed \\text{ in " + tex);
    }
}
