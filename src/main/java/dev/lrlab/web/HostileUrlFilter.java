package dev.lrlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: text that Tomcat lets through but Spring or Vaadin throw on (a
 * '%' not followed by two hex digits in a path parameter or a query) is answered here instead of
 * ending as a 500.
 *
 * <ul>
 *   <li>{@code /api/**}: 400 with the API's JSON error, naming the broken escape.</li>
 *   <li>A page whose path is broken ({@code /about;x=%zz}): a redirect to the app's
 *       {@code broken-link} page, which says so in the reader's language.</li>
 *   <li>A page whose query is broken ({@code /?s=…%zz}): a redirect to the same address with each
 *       broken '%' written as {@code %25}, so the page reads it as a literal percent sign. The path
 *       of that redirect is normalised ({@link SameOrigin}), so it never names another host; when
 *       the repaired address would be too long to redirect to, the answer is the friendly 414 page.</li>
 *   <li>Vaadin's start-up request ({@code ?v-r=init&location=…&query=…}) carries the page's path
 *       and query as parameters; a broken '%' in them is read as a literal percent sign, so the
 *       page opens and says what it cannot use (the playground shows its broken-link panel for a
 *       damaged {@code s=}), instead of the blank page a 500 leaves.</li>
 * </ul>
 *
 * <p>Every answer also gets {@code Referrer-Policy: strict-origin}: without it the browser repeats
 * the page's whole address (with its share code) in the Referer of each request the page makes,
 * which halves the share-code length that fits under Tomcat's 8 KiB header limit.
 */
public class HostileUrlFilter extends OncePerRequestFilter {
    static final String BROKEN_LINK = "/broken-link?reason=address";
    /** The longest repaired address redirected to (the longest share code is 6,000 characters). */
    static final int MAX_REDIRECT = 7000;

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        res.setHeader("Referrer-Policy", "strict-origin");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String broken = Escapes.firstBroken(req.getRequestURI());
        boolean api = ErrorPages.isApi(path);
        if (api) {
            if (broken == null) {
                broken = Escapes.firstBroken(req.getQueryString());
            }
            if (broken != null) {
                res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                res.setContentType("application/json");
                res.getOutputStream().write(ErrorPages.jsonMessage("the address has a broken percent-escape '" + broken
                        + "': a '%' must be followed by two hex digits (write a literal '%' as %25)", "url"));
                return;
            }
            chain.doFilter(req, res);
            return;
        }
        if (broken != null) {
            if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
                res.sendRedirect(req.getContextPath() + BROKEN_LINK);
            } else {
                res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                res.setContentType("text/html;charset=utf-8");
                res.getOutputStream().write(ErrorPages.html(400, ErrorPages.locale(req.getHeader("Accept-Language"))));
            }
            return;
        }
        // read from the raw query: getParameter would parse (and consume) form and upload bodies
        String vr = vaadinRequestType(req.getQueryString());
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (vr == null && read && Escapes.firstBroken(req.getQueryString()) != null) {
            // the page itself: the browser keeps the address and later sends its query in a
            // navigation event Vaadin parses strictly, so the address is repaired first. The path
            // is normalised: "//evil.example/x" as a Location would send the reader to that host.
            String repaired = SameOrigin.path(req.getRequestURI()) + "?" + Escapes.repair(req.getQueryString());
            if (repaired.length() > MAX_REDIRECT) {
                // each broken '%' grows to "%25": past Tomcat's 8 KiB header limit the redirect
                // itself fails (an empty 500), and the browser could not send the address back
                res.setStatus(414);
                res.setContentType("text/html;charset=utf-8");
                res.getOutputStream().write(ErrorPages.html(414, ErrorPages.locale(req.getHeader("Accept-Language"))));
                return;
            }
            res.sendRedirect(repaired);
            return;
        }
        if ("init".equals(vr) && read && (Escapes.firstBroken(req.getParameter("location")) != null
                || Escapes.firstBroken(req.getParameter("query")) != null)) {
            chain.doFilter(new RepairedParameters(req, "location", "query"), res);
            return;
        }
        chain.doFilter(req, res);
    }

    /** The value of {@code v-r} (Vaadin's internal request type) in a raw query, or null. */
    static String vaadinRequestType(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("v-r=")) {
                return pair.substring(4);
            }
        }
        return null;
    }

    /** The request with the named parameters' broken escapes written as literal percent signs. */
    static final class RepairedParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> params;

        RepairedParameters(HttpServletRequest req, String... names) {
            super(req);
            Map<String, String[]> p = new LinkedHashMap<>(req.getParameterMap());
            for (String name : names) {
                String[] values = p.get(name);
                if (values != null) {
                    p.put(name, Arrays.stream(values).map(Escapes::repair).toArray(String[]::new));
                }
            }
            this.params = java.util.Collections.unmodifiableMap(p);
        }

        @Override
        public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return params;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = params.get(name);
            return v == null ? null : v.clone();
        }
    }
}
