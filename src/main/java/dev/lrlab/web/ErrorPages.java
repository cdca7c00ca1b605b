package dev.lrlab.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The answers for requests that never reach a view or a controller (Tomcat's own rejections, the
 * servlet error page): a short page in the reader's language from the app's i18n bundle, or the
 * API's JSON error. Nothing from the request is echoed, so no escaping of user text is needed.
 */
final class ErrorPages {
    private static final String BUNDLE = "i18n.messages";

    private ErrorPages() {
    }

    static boolean isApi(String requestUri) {
        return requestUri != null && (requestUri.equals("/api") || requestUri.startsWith("/api/")
                || requestUri.startsWith("/api;"));
    }

    /** zh for readers who ask for Chinese first, English otherwise (the app's two languages). */
    static Locale locale(String acceptLanguage) {
        if (acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return Locale.ENGLISH;
    }

    /** What went wrong, in plain words, by status (400 covers broken addresses, 414 / 431 too long ones). */
    static String reasonKey(int status) {
        return switch (status) {
            case 400 -> "error.badAddress";
            case 404 -> "error.notFound";
            case 413, 414, 431 -> "error.tooLong";
            default -> status >= 500 ? "error.server" : "error.refused";
        };
    }

    static byte[] html(int status, Locale locale) {
        return html(status, reasonKey(status), locale);
    }

    static byte[] html(int status, String reasonKey, Locale locale) {
        ResourceBundle b = bundle(locale);
        String lang = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        String page = "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(b, "error.title") + " · LR Lab</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1a2433}a{color:#1676f3}</style></head><body>"
                + "<p><a href=\"/\">LR Lab</a></p><h1>" + text(b, "error.title") + "</h1>"
                + "<p id=\"error-reason\">" + text(b, reasonKey) + "</p>"
                + "<p><a id=\"error-fresh\" href=\"/playground\">" + text(b, "broken.fresh") + "</a> · "
                + "<a href=\"/presets\">" + text(b, "broken.presets") + "</a></p>"
                + "<p style=\"color:#6b7785;font-size:small\">HTTP " + status + "</p></body></html>";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** The API's error body {@code {"error","field","allowed"}}; the message is always English, like every API error. */
    static byte[] jsonReason(String reasonKey, String field) {
        return jsonMessage(text(bundle(Locale.ENGLISH), reasonKey), field);
    }

    static byte[] jsonMessage(String message, String field) {
        return jsonError(message, field, java.util.List.of());
    }

    /** {@code {"error","field","allowed"}} with every string escaped (messages may quote request headers). */
    static byte[] jsonError(String message, String field, java.util.List<String> allowed) {
        StringBuilder sb = new StringBuilder("{\"error\":");
        quote(sb, message).append(",\"field\":");
        if (field == null) {
            sb.append("null");
        } else {
            quote(sb, field);
        }
        sb.append(",\"allowed\":[");
        for (int i = 0; i < allowed.size(); i++) {
            quote(i == 0 ? sb : sb.append(','), allowed.get(i));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"');
    }

    /** A lone surrogate would not survive UTF-8 encoding; a valid pair is kept as is. */
    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle b, String key) {
        try {
            return b.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
