package dev.lrlab.share;

/**
 * A valid spec whose code would be longer than a link can carry: refused when encoding, so the
 * app never hands out a link that the server then rejects.
 */
public class ShareCodeTooLargeException extends ShareCodeException {
    private final int length;
    private final int max;

    /** Pages word it themselves ({@code share.tooLarge} with {@link #length()} and {@link #max()}). */
    public ShareCodeTooLargeException(int length, int max) {
        super("This experiment is too large for a link: its code has " + length + " characters, a link holds at most "
                + max + ". Use fewer runs or shorter lists of numbers, or export the experiment as JSON.");
        this.length = length;
        this.max = max;
    }

    public int length() {
        return length;
    }

    public int max() {
        return max;
    }
}
