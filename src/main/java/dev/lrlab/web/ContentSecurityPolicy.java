package dev.lrlab.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Content-Security-Policy of LR Lab: the second wall behind rendering user text as text. If a
 * label ever slipped into markup again, {@code <img onerror=…>}, {@code <svg onload=…>}, inline
 * {@code <script>} and {@code javascript:} links still would not run.
 *
 * <p>What Vaadin Flow 24.9 in production mode needs, found by reading the served page and running
 * every page in Chromium with the policy on:
 * <ul>
 *   <li>scripts: the bundle from the app's own origin ({@code 'self'}), the few small inline
 *       scripts of Vaadin's bootstrap page allowed by their SHA-256 hashes (computed from the page as
 *       served, see {@link SecurityHeadersFilter}), and {@code 'unsafe-eval'}: Flow's client runs every
 *       {@code executeJs} and property binding through {@code new Function}. With hashes present a
 *       browser ignores {@code 'unsafe-inline'}; there is none anyway, so inline event handlers and
 *       {@code javascript:} URLs are blocked;</li>
 *   <li>styles: {@code 'unsafe-inline'}: Vaadin's bootstrap {@code <style>} elements, Lumo and
 *       ApexCharts set style attributes, KaTeX positions glyphs with them;</li>
 *   <li>images: {@code data:} (server-drawn SVG charts, QR codes, the charts' PNG export) and
 *       {@code blob:} (ApexCharts' export draws its SVG through an image);</li>
 *   <li>connections: {@code 'self'} (UIDL requests and the push WebSocket on the same host).</li>
 * </ul>
 * Plugins are off ({@code object-src 'none'}), {@code <base>} and forms stay on the app's origin.
 * Embeds ({@code /embed/**}) may be framed by any site (slides, course pages); every other page
 * only by the app itself.
 */
public final class ContentSecurityPolicy {
    public static final String HEADER = "Content-Security-Policy";

    private ContentSecurityPolicy() {
    }

    /** The policy of an app page whose inline scripts hash to {@code scriptHashes} ("sha256-…"). */
    public static String forPage(String path, Collection<String> scriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self' 'unsafe-eval'");
        for (String h : scriptHashes) {
            scripts.append(" '").append(h).append('\'');
        }
        return "default-src 'self'; " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors " + (embed(path) ? "*" : "'self'");
    }

    /** Every answer that is not an HTML page (API JSON, pictures, scripts, downloads): no inline script at all. */
    public static String fallback(String path) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                + (embed(path) ? "*" : "'self'");
    }

    /** An embed may be framed by any site; path is relative to the context ("/embed/l/abc"). */
    public static boolean embed(String path) {
        return path != null && (path.equals("/embed") || path.startsWith("/embed/"));
    }

    /** The CSP source of an inline script: "sha256-" and the Base64 SHA-256 of its exact text. */
    public static String hash(String scriptText) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(scriptText.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Distinct hashes of the given inline scripts, in order. */
    public static Set<String> hashes(Collection<String> scriptTexts) {
        Set<String> out = new LinkedHashSet<>();
        scriptTexts.forEach(s -> out.add(hash(s)));
        return out;
    }
}
