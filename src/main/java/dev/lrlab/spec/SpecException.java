package dev.lrlab.spec;

import java.util.List;

/**
 * A spec that cannot be run. {@code field} is a JSON path into the spec (e.g.
 * {@code runs[0].optimizer.beta1}); {@code allowed} lists the accepted values or names where
 * that helps the user (unknown type, unknown field), otherwise it is empty.
 */
public class SpecException extends RuntimeException {
    private final String field;
    private final List<String> allowed;

    public SpecException(String field, String message) {
        this(field, message, List.of());
    }

    public SpecException(String field, String message, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = List.copyOf(allowed);
    }

    public String field() {
        return field;
    }

    public List<String> allowed() {
        return allowed;
    }
}
