package dev.lrlab.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The rest of a request body, read as it arrives (non-blocking): no thread waits for a slow
 * client. When the body is complete the request is dispatched again, now with the body in memory;
 * a body over the size cap is 413, one not complete within the time limit 408, both closing the
 * connection. Tomcat calls one method at a time per request, but the timeout comes from another
 * thread than the reads, hence the locks.
 */
final class AsyncBodyReader implements ReadListener, AsyncListener {
    private final AsyncContext ac;
    private final ServletInputStream in;
    private final ByteArrayOutputStream body;
    private final BodyLimits limits;
    private final long declared;
    private final byte[] chunk = new byte[8192];
    private long reserved;
    private boolean finished;

    AsyncBodyReader(AsyncContext ac, ServletInputStream in, ByteArrayOutputStream body, BodyLimits limits,
                    long declared, long reserved) {
        this.ac = ac;
        this.in = in;
        this.body = body;
        this.limits = limits;
        this.declared = declared;
        this.reserved = reserved;
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        while (!finished && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return; // the end: onAllDataRead follows
            }
            if (body.size() + n > limits.maxBytes) {
                refuse(413);
                return;
            }
            if (declared < 0) {
                if (!limits.reserve(n)) {
                    refuse(503);
                    return;
                }
                reserved += n;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public synchronized void onAllDataRead() {
        if (finished) {
            return;
        }
        finished = true;
        ac.getRequest().setAttribute(BodyLimits.BODY_ATTRIBUTE, body.toByteArray());
        ac.dispatch();
    }

    @Override
    public synchronized void onError(Throwable t) {
        if (finished) {
            return;
        }
        if (isReadTimeout(t)) {
            // Tomcat's own read timeout (server.tomcat.connection-timeout) can fire before the body
            // timeout when a client pauses that long between bytes: the client is still there and
            // gets the same 408 (left alone, Tomcat would answer it with a 500)
            try {
                refuse(408);
            } catch (IOException e) {
                ac.complete();
            }
            return;
        }
        // the client went away or sent a broken chunk: nobody is left to answer
        finished = true;
        ac.complete();
    }

    private static boolean isReadTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) throws IOException {
        if (!finished) {
            refuse(408);
        }
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        limits.release(reserved);
        reserved = 0;
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    private void refuse(int status) throws IOException {
        finished = true;
        HttpServletRequest req = (HttpServletRequest) ac.getRequest();
        HttpServletResponse res = (HttpServletResponse) ac.getResponse();
        try {
            switch (status) {
                case 413 -> limits.tooLarge(req, res, -1);
                case 408 -> BodyLimits.refuse(req, res, 408, "the request body did not arrive within "
                        + limits.timeoutMs + " ms (" + body.size() + (declared >= 0 ? " of " + declared : "")
                        + " bytes arrived)", "lrlab.api.body-timeout-ms", List.of(Long.toString(limits.timeoutMs)));
                default -> BodyLimits.refuse(req, res, 503, "the server is reading too many request bodies at once; "
                        + "try again shortly", null, List.of());
            }
        } finally {
            ac.complete();
        }
    }
}
