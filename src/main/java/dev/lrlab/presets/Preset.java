package dev.lrlab.presets;

import java.util.List;
import java.util.Map;

/**
 * A ready-made lesson: an experiment spec plus what to look for.
 *
 * @param id       kebab-case id
 * @param seeds    the lesson ideas it shows (S1 … S30, see SEEDS-DIGEST)
 * @param title    {"en": …, "zh": …}
 * @param question {"en": …, "zh": …}: what to look for and what to try changing
 * @param formula  the lesson's formula (LaTeX) {"en": …, "zh": …}: the same mathematics, the words in
 *                 {@code \text{…}} in each language
 * @param spec     a full experiment spec
 * @param expect   optional notes on the expected outcome {"en": …, "zh": …} (may be null)
 * @param meanOverLast the N of "the last N steps" whose means the card compares (the end readouts
 *                 open with it), or null
 */
public record Preset(String id, List<String> seeds, Map<String, String> title, Map<String, String> question,
                     Map<String, String> formula, Map<String, Object> spec, Map<String, String> expect,
                     Integer meanOverLast) {

    /** The list entry (no spec). */
    public Summary summary() {
        return new Summary(id, seeds, title, question);
    }

    public record Summary(String id, List<String> seeds, Map<String, String> title, Map<String, String> question) {
    }
}
