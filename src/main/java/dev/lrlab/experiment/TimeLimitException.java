package dev.lrlab.experiment;

/** A computation ran past the server's time budget and was interrupted (HTTP 422). */
public class TimeLimitException extends RuntimeException {
    public TimeLimitException(long timeoutMs) {
        super("the simulation was stopped after the server's time limit of " + timeoutMs
                + " ms; use fewer steps, runs or dimensions");
    }
}
