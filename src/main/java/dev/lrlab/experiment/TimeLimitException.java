package dev.lrlab.experiment;

/** A job ran past its time limit and was interrupted. */
public class TimeLimitException extends RuntimeException {
    private final long limitMs;

    public TimeLimitException(long limitMs) {
        super("the simulation was stopped after the server's time limit of " + limitMs
                + " ms; use fewer steps, runs or dimensions");
        this.limitMs = limitMs;
    }

    public long limitMs() {
        return limitMs;
    }
}
