package dev.lrlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Headers every answer carries: a {@link ContentSecurityPolicy} and
 * {@code X-Content-Type-Options: nosniff} (a JSON answer or a download holding a label like
 * {@code <script>} is never sniffed into a page).
 *
 * <p>An HTML page gets the page policy with the SHA-256 of each inline script it holds as sent.
 * The hashes are taken from the finished page here, after every Vaadin and Hilla index-page
 * listener has written into it (they run in an order the app does not control, and one of them
 * adds a script after the app's own listeners), so the policy always matches the page and never
 * needs a list of scripts kept by hand. Page requests are small (about 2 KB) and few; the app's
 * scripts, styles, pictures, API answers, downloads and Vaadin's own requests are not buffered.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.fallback(path));
        if (!maybePage(req, path)) {
            chain.doFilter(req, res);
            return;
        }
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(res);
        try {
            chain.doFilter(req, page);
        } finally {
            String type = page.getContentType();
            if (type != null && type.startsWith("text/html") && !page.isCommitted()) {
                byte[] html = page.getContentAsByteArray();
                page.setHeader(ContentSecurityPolicy.HEADER,
                        ContentSecurityPolicy.forPage(path, ContentSecurityPolicy.hashes(inlineScripts(html))));
            }
            page.copyBodyToResponse();
        }
    }

    /** A GET that Vaadin may answer with a page: not the API, not a file, not one of Vaadin's own requests. */
    static boolean maybePage(HttpServletRequest req, String path) {
        if (!"GET".equals(req.getMethod())) {
            return false;
        }
        String q = req.getQueryString();
        if (q != null && (q.startsWith("v-r=") || q.contains("&v-r="))) {
            return false;
        }
        return !(path.startsWith("/api/") || path.startsWith("/VAADIN/") || path.startsWith("/v3/")
                || path.startsWith("/icons/") || path.startsWith("/HEARTBEAT") || path.contains("."));
    }

    /** The text of every inline script of the page, exactly as sent (script text is never entity-decoded). */
    static List<String> inlineScripts(byte[] html) {
        return Jsoup.parse(new String(html, StandardCharsets.UTF_8)).select("script:not([src])").stream()
                .map(Element::data).toList();
    }
}
