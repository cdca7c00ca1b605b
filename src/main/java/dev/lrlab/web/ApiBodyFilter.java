package dev.lrlab.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads every {@code /api/**} request body before a controller sees it, under {@link BodyLimits}:
 *
 * <ul>
 *   <li>a Content-Type other than JSON ({@code application/json}, {@code application/*+json}; no
 *       Content-Type is read as JSON) is 415 before any byte is read: Spring would otherwise throw
 *       on wildcards such as {@code *}{@code /*} and answer 500;</li>
 *   <li>a Content-Length over {@code max-body-bytes} is 413 before any byte is read, a chunked body
 *       is 413 as soon as it passes the cap;</li>
 *   <li>the bytes that have already arrived are read at once; when the client is still sending, the
 *       rest is read asynchronously ({@link AsyncBodyReader}), so a slow client holds no request
 *       thread, and a body not complete within {@code body-timeout-ms} is 408.</li>
 * </ul>
 *
 * Refusals close the connection without reading the rest of the body. The controller then gets
 * the body from memory ({@link BufferedBodyRequest}).
 */
public class ApiBodyFilter extends HttpFilter {
    static final List<String> JSON_TYPES = List.of("application/json", "application/*+json");

    private final BodyLimits limits;

    ApiBodyFilter(BodyLimits limits) {
        this.limits = limits;
    }

    BodyLimits limits() {
        return limits;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = req.getAttribute(BodyLimits.BODY_ATTRIBUTE);
            req.removeAttribute(BodyLimits.BODY_ATTRIBUTE);
            chain.doFilter(body instanceof byte[] b ? new BufferedBodyRequest(req, b) : req, res);
            return;
        }
        boolean hasBody = hasBody(req);
        String contentType = req.getContentType();
        // an empty POST keeps a harmless type (curl -d '' says form), but not one Spring throws on
        if (contentType != null && !isJson(contentType) && (hasBody || (posts(req) && !springReadable(contentType)))) {
            BodyLimits.refuse(req, res, 415, "Content-Type must be application/json, was '" + contentType + "'",
                    "Content-Type", JSON_TYPES);
            return;
        }
        if (!hasBody) {
            chain.doFilter(req, res);
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > limits.maxBytes) {
            limits.tooLarge(req, res, declared);
            return;
        }
        if (declared > 0 && !limits.reserve(declared)) {
            busy(req, res);
            return;
        }
        long reserved = Math.max(declared, 0);
        boolean async = false;
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.max(256, reserved));
            ServletInputStream in = req.getInputStream();
            byte[] chunk = new byte[8192];
            boolean complete = false;
            // only what has arrived: available() > 0 means the read below returns without waiting
            while (in.available() > 0) {
                int n = in.read(chunk);
                if (n < 0) {
                    complete = true;
                    break;
                }
                if (body.size() + n > limits.maxBytes) {
                    limits.tooLarge(req, res, -1);
                    return;
                }
                if (declared < 0) {
                    if (!limits.reserve(n)) {
                        busy(req, res);
                        return;
                    }
                    reserved += n;
                }
                body.write(chunk, 0, n);
            }
            if (complete || (declared >= 0 && body.size() >= declared)) {
                chain.doFilter(new BufferedBodyRequest(req, body.toByteArray()), res);
                return;
            }
            if (!req.isAsyncSupported()) {
                // not reachable on the app's own Tomcat (every filter and valve on /api is async);
                // a container without async reads the rest blocking, still under the caps
                chain.doFilter(new BufferedBodyRequest(req, readBlocking(in, body)), res);
                return;
            }
            AsyncContext ac = req.startAsync(req, res);
            ac.setTimeout(limits.timeoutMs);
            AsyncBodyReader reader = new AsyncBodyReader(ac, in, body, limits, declared, reserved);
            ac.addListener(reader);
            async = true;
            in.setReadListener(reader);
        } catch (BodyTooLarge e) {
            limits.tooLarge(req, res, -1);
        } finally {
            if (!async) {
                limits.release(reserved);
            }
        }
    }

    private void busy(HttpServletRequest req, HttpServletResponse res) throws IOException {
        BodyLimits.refuse(req, res, 503, "the server is reading too many request bodies at once; try again shortly",
                null, List.of());
    }

    private byte[] readBlocking(ServletInputStream in, ByteArrayOutputStream body) throws IOException {
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            if (body.size() + n > limits.maxBytes) {
                throw new BodyTooLarge();
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super(null, null);
        }
    }

    /** A request with a body: a Content-Length above 0, or chunked (no length). */
    static boolean hasBody(HttpServletRequest req) {
        long len = req.getContentLengthLong();
        return len > 0 || (len < 0 && req.getHeader("Transfer-Encoding") != null);
    }

    private static boolean posts(HttpServletRequest req) {
        String m = req.getMethod();
        return m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
    }

    /** A type Spring can put into its request headers (no wildcard, a known charset). */
    static boolean springReadable(String contentType) {
        try {
            org.springframework.http.MediaType mt = org.springframework.http.MediaType.parseMediaType(contentType);
            return !mt.isWildcardType() && !mt.isWildcardSubtype();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** application/json or application/…+json, with at most a charset Java knows; never a wildcard. */
    static boolean isJson(String contentType) {
        org.springframework.http.MediaType mt;
        try {
            mt = org.springframework.http.MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return false;
        }
        String type = mt.getType().toLowerCase(Locale.ROOT);
        String sub = mt.getSubtype().toLowerCase(Locale.ROOT);
        return type.equals("application") && (sub.equals("json") || (sub.endsWith("+json") && !sub.startsWith("*")));
    }
}
