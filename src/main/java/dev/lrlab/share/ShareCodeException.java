package dev.lrlab.share;

/** A share code that cannot be decoded; the message says what was wrong in plain words. */
public class ShareCodeException extends RuntimeException {
    public ShareCodeException(String message) {
        super(message);
    }

    public ShareCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
