package dev.lrlab.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address links point to: join and instructor links, QR codes, short links and their preview
 * tags. With {@code lrlab.public-url} set (e.g. {@code https://lrlab.example}) always that one, so
 * no request can choose the host of a link the server hands out. Unset, the address the request
 * reached (behind a proxy, {@code server.forward-headers-strategy} makes it the public one), but
 * only when its host is a plain host name or IP literal with an optional port; anything else in a
 * Host header gives links relative to the site ("" as base) instead of echoing it.
 */
@Component
public class PublicUrl {
    /** A DNS name, an IPv4 literal or a bracketed IPv6 literal: nothing a Host header could smuggle in. */
    private static final Pattern PLAIN_HOST = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]{2,45}]");
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private final String configured;

    public PublicUrl(@Value("${lrlab.public-url:}") String url) {
        this.configured = url == null || url.isBlank() ? null : validated(url.strip());
    }

    /** The configured base, or null when the request decides. */
    public String configured() {
        return configured;
    }

    /** The base of absolute links for this request, without a trailing slash ("" when it cannot be trusted). */
    public String base(HttpServletRequest req) {
        if (configured != null) {
            return configured;
        }
        if (req == null) {
            return "";
        }
        String scheme = req.getScheme() == null ? "" : req.getScheme().toLowerCase(Locale.ROOT);
        String host = req.getServerName();
        int port = req.getServerPort();
        String context = req.getContextPath() == null ? "" : req.getContextPath();
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || !PLAIN_HOST.matcher(host).matches()
                || port < 1 || port > 65535 || !PLAIN_PATH.matcher(context).matches()) {
            return "";
        }
        boolean std = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (std ? "" : ":" + port) + context;
    }

    /** {@code http(s)://host[:port][/path]}, nothing else; the trailing slash removed. */
    static String validated(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && PLAIN_HOST.matcher(uri.getHost()).matches() && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && PLAIN_PATH.matcher(path).matches()) {
                return u;
            }
        } catch (URISyntaxException e) {
            // the message below names the setting
        }
        throw new IllegalArgumentException("lrlab.public-url must be http(s)://host[:port][/path] without query, "
                + "was '" + url + "'");
    }
}
