package dev.lrlab.share;

/**
 * A share code that cannot be decoded; the message says what was wrong in plain English (the API
 * and the CLI show it), and {@link #key()} with {@link #args()} let a page say the same in its own
 * language ({@code share.error.<key>} in the UI bundles).
 */
public class ShareCodeException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    /** A message already in the reader's words (no key: pages show it as it is). */
    public ShareCodeException(String message) {
        this(null, message);
    }

    public ShareCodeException(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = args.clone();
    }

    public ShareCodeException(String key, String message, Throwable cause, Object... args) {
        super(message, cause);
        this.key = key;
        this.args = args.clone();
    }

    /** What went wrong, as a message key: empty, tooLong, notACode, version, badCharacters, cutOff, … */
    public String key() {
        return key;
    }

    /** The message's values (a length, a version, a limit), in the order of the English text. */
    public Object[] args() {
        return args.clone();
    }
}
