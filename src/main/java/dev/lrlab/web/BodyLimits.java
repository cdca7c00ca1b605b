package dev.lrlab.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits on API request bodies and the bytes all bodies being read hold together. A body is read
 * into memory before the controller runs, so these caps are what stands between a client and the
 * heap: the largest body ({@code lrlab.api.max-body-bytes}), the time it may take to arrive
 * ({@code lrlab.api.body-timeout-ms}) and the sum of the bodies still arriving
 * ({@code lrlab.api.max-buffered-bytes}).
 */
final class BodyLimits {
    /** The request attribute carrying a body read before an async dispatch to the controller. */
    static final String BODY_ATTRIBUTE = BodyLimits.class.getName() + ".body";

    final long maxBytes;
    final long timeoutMs;
    final long maxBufferedBytes;
    private final AtomicLong buffered = new AtomicLong();

    BodyLimits(long maxBytes, long timeoutMs, long maxBufferedBytes) {
        if (maxBytes < 1 || timeoutMs < 1 || maxBufferedBytes < maxBytes) {
            throw new IllegalArgumentException("lrlab.api.max-body-bytes (" + maxBytes + ") and lrlab.api.body-timeout-ms ("
                    + timeoutMs + ") must be positive, lrlab.api.max-buffered-bytes (" + maxBufferedBytes
                    + ") at least max-body-bytes");
        }
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    /** Counts {@code n} more bytes against the shared budget; false (nothing counted) when it is spent. */
    boolean reserve(long n) {
        if (buffered.addAndGet(n) > maxBufferedBytes) {
            buffered.addAndGet(-n);
            return false;
        }
        return true;
    }

    void release(long n) {
        buffered.addAndGet(-n);
    }

    long buffered() {
        return buffered.get();
    }

    /** The refusal when a body is larger than {@link #maxBytes}. */
    void tooLarge(HttpServletRequest req, HttpServletResponse res, long size) throws IOException {
        refuse(req, res, 413, "the request body is larger than the server accepts: at most " + maxBytes + " bytes"
                + (size >= 0 ? ", was " + size : ""), "lrlab.api.max-body-bytes", List.of(Long.toString(maxBytes)));
    }

    /**
     * Answers with the API's JSON error and closes the connection without reading the rest of the
     * body (Tomcat would otherwise drain it, byte by byte if the client sends it that slowly).
     */
    static void refuse(HttpServletRequest req, HttpServletResponse res, int status, String message, String field,
                       List<String> allowed) throws IOException {
        if (!req.isAsyncStarted() && req.getAttribute(DrainlessCloseValve.HOOK) instanceof Runnable closeWithoutDraining) {
            closeWithoutDraining.run();
        }
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setHeader("Connection", "close");
        if (status == 503) {
            res.setHeader("Retry-After", "1");
        }
        res.setContentType("application/json");
        byte[] body = ErrorPages.jsonError(message, field, allowed);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
    }
}
