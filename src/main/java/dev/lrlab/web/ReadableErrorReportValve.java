package dev.lrlab.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Replaces Tomcat's error report (the grey "HTTP Status 400 – Bad Request" page) for the answers
 * Tomcat gives before any servlet runs: a request target with characters that must be escaped, a
 * broken escape in the path, an encoded '/', a request line or headers over the size limit. Pages
 * get a short page in the reader's language with a way back into the app; {@code /api/**} gets
 * the API's JSON error. The status stays what Tomcat decided.
 */
public class ReadableErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the base class's rules: only errors, only once, only when nothing was written yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read the page
        }
        String uri = null;
        try {
            uri = request.getRequestURI();
        } catch (RuntimeException ignored) {
            // a request line that could not be parsed has no usable URI: answer as for a page
        }
        boolean api = ErrorPages.isApi(uri);
        // Tomcat answers an over-long request line or header block with a plain 400
        String reason = tooLarge(throwable) || tooLarge((Throwable) request.getAttribute(
                jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION)) ? "error.tooLong" : ErrorPages.reasonKey(status);
        byte[] body = api ? ErrorPages.jsonReason(reason, null)
                : ErrorPages.html(status, reason, ErrorPages.locale(request.getHeader("Accept-Language")));
        try {
            response.setContentType(api ? "application/json" : "text/html;charset=utf-8");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was already committed: nothing more to say
        }
    }

    private static boolean tooLarge(Throwable t) {
        return t != null && String.valueOf(t.getMessage()).contains("too large");
    }
}
