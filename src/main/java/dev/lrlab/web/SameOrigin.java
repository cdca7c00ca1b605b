package dev.lrlab.web;

/**
 * Redirect targets that cannot leave the site. A browser reads a {@code Location} starting with
 * {@code //} or {@code /\} as another host ({@code //evil.example/login}), so a redirect built from
 * the request's own path must not start that way; the request path can ({@code GET //evil.example/x}).
 */
final class SameOrigin {
    private SameOrigin() {
    }

    /**
     * {@code rawPath} as a path on this site: backslashes read as '/' (as browsers do), runs of '/'
     * merged and "." segments dropped, so the result starts with exactly one '/' followed by
     * neither '/' nor '\'. Percent-escapes stay as they are ({@code %2F} is not a separator).
     */
    static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 1);
        for (String segment : rawPath.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            out.append('/').append(segment);
        }
        if (out.length() == 0) {
            return "/";
        }
        String p = rawPath.replace('\\', '/');
        if (p.endsWith("/") || p.endsWith("/.")) {
            out.append('/');
        }
        return out.toString();
    }

    /** True when a browser would resolve {@code location} to this site (a path, not a host). */
    static boolean isSameOriginPath(String location) {
        return location != null && location.startsWith("/") && (location.length() == 1
                || (location.charAt(1) != '/' && location.charAt(1) != '\\'));
    }
}
