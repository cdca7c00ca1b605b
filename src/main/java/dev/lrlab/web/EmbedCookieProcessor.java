package dev.lrlab.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;

/**
 * Cookies for pages embedded in another site. Chromium sends only partitioned cookies to a
 * cross-site {@code <iframe>}, so a Vaadin page there needs its session cookie to be
 * {@code SameSite=None; Secure; Partitioned}, or it shows "Cookies disabled". Only embed requests
 * get these attributes (the path starts with {@code /embed}, or the browser says the request is for
 * an iframe), and only where the browser accepts a Secure cookie (HTTPS, or localhost): everywhere
 * else the app keeps its ordinary first-party cookie, so plain-HTTP installs keep working.
 */
public class EmbedCookieProcessor extends Rfc6265CookieProcessor {

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
        String header = super.generateHeader(cookie, request);
        if (request == null || !embedded(request) || !secureEnough(request)) {
            return header;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : header.split(";")) {
            String p = part.trim();
            String lower = p.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("samesite") || lower.equals("secure") || lower.equals("partitioned")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(p);
        }
        return sb.append("; Secure; SameSite=None; Partitioned").toString();
    }

    static boolean embedded(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (path != null && context != null && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return (path != null && (path.equals("/embed") || path.startsWith("/embed/")))
                || "iframe".equalsIgnoreCase(request.getHeader("Sec-Fetch-Dest"));
    }

    /** Browsers keep Secure cookies from HTTPS, and from http://localhost (a secure context). */
    static boolean secureEnough(HttpServletRequest request) {
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            return true;
        }
        String host = request.getServerName();
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)
                || "::1".equals(host);
    }
}
