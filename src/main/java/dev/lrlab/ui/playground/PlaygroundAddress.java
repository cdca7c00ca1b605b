package dev.lrlab.ui.playground;

import com.vaadin.flow.router.QueryParameters;

/**
 * The playground's address bar: the experiment's share code, the preset it came from and whether
 * the page is in presenter mode, so a reload or a copied link reopens the same picture the same way.
 */
final class PlaygroundAddress {
    /** The query parameter of presenter mode ({@code ?present=1}). */
    static final String PRESENT = "present";

    private PlaygroundAddress() {}

    /**
     * @param code      the share code, or null when the experiment is too large for a link
     * @param presetId  the loaded preset, or null
     * @param present   presenter mode
     */
    static String of(String code, String presetId, boolean present) {
        if (code == null) {
            // no code rather than a stale one; presenter mode still survives a reload
            return "playground" + (present ? "?" + PRESENT + "=1" : "");
        }
        return "?s=" + code + (presetId == null ? "" : "&preset=" + presetId) + (present ? "&" + PRESENT + "=1" : "");
    }

    /** Whether the address asks for presenter mode: {@code present=1} or {@code present=true}. */
    static boolean presenting(QueryParameters q) {
        return q.getSingleParameter(PRESENT).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }
}
