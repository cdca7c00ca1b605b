package dev.lrlab.experiment;

/**
 * Input that is not a spec at all (empty, malformed JSON, not an object). {@code where} is the
 * place in the text ("line L, column C") or null. Surfaces map it to their own answer (HTTP 400).
 */
public class InputException extends RuntimeException {
    private final String where;

    public InputException(String message, String where) {
        super(message);
        this.where = where;
    }

    public InputException(String message) {
        this(message, null);
    }

    public String where() {
        return where;
    }
}
