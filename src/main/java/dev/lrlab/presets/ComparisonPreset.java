package dev.lrlab.presets;

import java.util.List;
import java.util.Map;

/**
 * A ready-made comparison for a lesson: 2–4 panels side by side plus what to look for.
 *
 * @param id       kebab-case id, {@code cmp-…}
 * @param seeds    the lesson ideas it shows (S1 … S30)
 * @param title    {"en": …, "zh": …}
 * @param question {"en": …, "zh": …}
 * @param formula  the lesson's formula (LaTeX) {"en": …, "zh": …}: the same mathematics, the words in
 *                 {@code \text{…}} in each language
 * @param spec     a comparison spec {@code {"version": 1, "panels": [<experiment>, …]}}
 * @param expect   what the comparison shows, {"en": …, "zh": …} (asserted by a test)
 * @param sweep    optional sweep the preset opens with: {@code {"kind": "lr", "panel", "path", "from",
 *                 "to", "count"}} or {@code {"kind": "stability", "panel", "lrCount", "momentumCount"}}
 */
public record ComparisonPreset(String id, List<String> seeds, Map<String, String> title,
                               Map<String, String> question, Map<String, String> formula, Map<String, Object> spec,
                               Map<String, String> expect, Map<String, Object> sweep) {
}
