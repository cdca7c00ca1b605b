package dev.lrlab.live;

import java.util.Locale;

/**
 * Why the scheduler took a session off the air: its steps, measured on the clock, are too slow to
 * play live. Sent once in a {@link LiveBatch}. {@code stopped} is false when the session was only
 * paused (its state is whole; Resume steps again, and is paused again if the steps are still slow)
 * and true when a step had to be cut short at its time bound, which leaves the simulators half way
 * through an update: such a session has ended ({@link LiveSession.End#TOO_SLOW}) and never resumes.
 *
 * @param stepMillis how long one lockstep step took (for a cut step: how long it ran before the cut)
 */
public record TooSlow(long stepMillis, boolean stopped) {

    /** Message key when paused; argument: the step's duration ({@link #duration}). */
    public static final String PAUSED_KEY = "live.tooSlow";
    /** Message key when stopped for good; argument: the time the step ran before it was cut. */
    public static final String STOPPED_KEY = "live.tooSlowStopped";

    public String messageKey() {
        return stopped ? STOPPED_KEY : PAUSED_KEY;
    }

    /** "1.2 s" or "80 ms": the unit symbols read the same in every language we ship. */
    public String duration(Locale locale) {
        return stepMillis >= 1000 ? String.format(locale, "%.1f s", stepMillis / 1000.0) : stepMillis + " ms";
    }
}
