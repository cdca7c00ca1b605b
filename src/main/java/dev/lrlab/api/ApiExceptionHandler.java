package dev.lrlab.api;

import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.experiment.BusyException;
import dev.lrlab.experiment.InputException;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.links.LinkService;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.links.SpecMigrations;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodeTooLargeException;
import dev.lrlab.spec.SpecException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Renders every error of the REST API as {@link ApiError} JSON. */
// every controller of this package (simulate, links, export, sweeps …) answers errors the same way
@RestControllerAdvice(basePackageClasses = ApiController.class)
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    static ResponseEntity<ApiError> error(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), e.body());
    }

    /** Class sessions: 404 unknown, 401 without the secret, 403 wrong secret or a locked field, 409 full or ended. */
    @ExceptionHandler(ClassroomException.class)
    public ResponseEntity<ApiError> classroom(ClassroomException e) {
        HttpStatus status = ClassesController.status(e);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return b.body(new ApiError(e.getMessage(), e.field(), List.of()));
    }

    @ExceptionHandler(InputException.class)
    public ResponseEntity<ApiError> input(InputException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError(e.getMessage(), e.where(), List.of()));
    }

    @ExceptionHandler(TimeLimitException.class)
    public ResponseEntity<ApiError> timeLimit(TimeLimitException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, new ApiError(e.getMessage(), null, List.of()));
    }

    /** Busy: 503 with Retry-After, so well-behaved clients back off instead of hammering. */
    @ExceptionHandler(BusyException.class)
    public ResponseEntity<ApiError> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(new ApiError(e.getMessage(), null, List.of()));
    }

    /**
     * Over a per-network limit (short links, classes, joins, wrong class codes or secrets): 429 with
     * Retry-After (seconds until the next one is allowed).
     */
    @ExceptionHandler(RateLimiter.RateLimitedException.class)
    public ResponseEntity<ApiError> rateLimited(RateLimiter.RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(new ApiError(e.getMessage(), null, List.of()));
    }

    @ExceptionHandler(LinkService.SpecTooLargeException.class)
    public ResponseEntity<ApiError> tooLarge(LinkService.SpecTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, new ApiError(e.getMessage(), "lrlab.links.max-spec-bytes",
                List.of(Integer.toString(e.maxBytes()))));
    }

    @ExceptionHandler(SpecMigrations.UnsupportedVersionException.class)
    public ResponseEntity<ApiError> newerVersion(SpecMigrations.UnsupportedVersionException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, new ApiError(e.getMessage(), "version", List.of()));
    }

    @ExceptionHandler(SpecException.class)
    public ResponseEntity<ApiError> spec(SpecException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError(e.getMessage(), e.field(), e.allowed()));
    }

    @ExceptionHandler(ShareCodeException.class)
    public ResponseEntity<ApiError> share(ShareCodeException e) {
        // a too-large spec is not the code's fault: no field to blame
        String field = e instanceof ShareCodeTooLargeException ? null : "code";
        return error(HttpStatus.BAD_REQUEST, new ApiError(e.getMessage(), field, List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, new ApiError("cannot read the request body", null, List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("Content-Type must be application/json, was "
                + e.getContentType(), null, List.of(MediaType.APPLICATION_JSON_VALUE)));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("method " + e.getMethod() + " is not allowed here",
                null, e.getSupportedMethods() == null ? List.of() : List.of(e.getSupportedMethods())));
    }

    /** A path parameter of the wrong type ({@code /members/x/submissions}): 400 naming it, not a 500. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        String value = String.valueOf(e.getValue());
        return error(HttpStatus.BAD_REQUEST, new ApiError(e.getName() + " must be " + (type.equals("int")
                || type.equals("integer") ? "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : "a " + type) + ", was '" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'",
                e.getName(), List.of()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> other(Exception e) {
        // Spring's own refusals (missing header, not acceptable …) carry their 4xx status
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            String detail = r.getBody().getDetail();
            return ResponseEntity.status(r.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(detail == null || detail.isBlank() ? "the request cannot be served: "
                            + r.getStatusCode() : detail, null, List.of()));
        }
        LOG.error("API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal error: " + e.getClass().getSimpleName(),
                null, List.of()));
    }
}
