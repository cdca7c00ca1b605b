package dev.lrlab.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An API error with its HTTP status, rendered as {@link ApiError}. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String field;
    private final List<String> allowed;

    public ApiException(HttpStatus status, String message, String field, List<String> allowed) {
        super(message);
        this.status = status;
        this.field = field;
        this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, null, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<String> allowed() {
        return allowed;
    }

    public ApiError body() {
        return new ApiError(getMessage(), field, allowed);
    }
}
