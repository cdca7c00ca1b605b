package dev.lrlab.classroom;

import java.util.Locale;

/** Where a class is in its lesson; every seat follows it (pace is the instructor's). */
public enum Phase {
    /** Runs are held; students may edit their unlocked fields and answer the question. */
    PAUSED,
    /** Every seat plays its run. */
    RUNNING,
    /** The answers' distribution and the class chart are shown to everyone. */
    REVEAL,
    /** Over: seats keep a link to their last run, nothing changes any more. */
    ENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API's lower-case name; an {@link ClassroomException} naming {@code phase} otherwise. */
    public static Phase parse(String s) {
        for (Phase p : values()) {
            if (p.wire().equals(s)) {
                return p;
            }
        }
        throw new ClassroomException(ClassroomException.Reason.INVALID, "phase",
                "phase must be one of paused, running, reveal, ended; was '" + s + "'");
    }
}
