package dev.lrlab.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet error page ({@code /error}) in place of Spring Boot's whitelabel page and its
 * {@code {"timestamp","status"}} JSON: for {@code /api/**} the API's own error body, for pages a
 * short page in the reader's language with a way back into the app. The status is kept.
 */
@Controller
public class ReadableErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<byte[]> error(HttpServletRequest req) {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? null : uri.toString();
        if (path != null && path.startsWith(req.getContextPath())) {
            path = path.substring(req.getContextPath().length());
        }
        if (ErrorPages.isApi(path)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorPages.jsonReason(ErrorPages.reasonKey(status), null));
        }
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(ErrorPages.html(status, ErrorPages.locale(req.getHeader("Accept-Language"))));
    }
}
