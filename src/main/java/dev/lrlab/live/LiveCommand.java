package dev.lrlab.live;

/**
 * What a live session can be told, from any thread. Commands are values so that one source (a
 * button, a keyboard shortcut, an instructor's room) can send the same command to one session or
 * broadcast it to many; each session applies it on its scheduler lane, in the order received.
 */
public sealed interface LiveCommand {

    /** Stream at the current speed. */
    record Play() implements LiveCommand {
    }

    /** Stop stepping; keeps everything (a paused session costs no CPU). */
    record Pause() implements LiveCommand {
    }

    /** Pause, then do exactly {@code n} more steps (as fast as the fair share allows). */
    record Step(int n) implements LiveCommand {
        public Step {
            if (n < 1) {
                throw new IllegalArgumentException("step count must be ≥ 1, was " + n);
            }
        }
    }

    /**
     * Move to lockstep step {@code step}: forward by stepping, backward by simulating again from
     * the start (runs are deterministic, so the rows are identical). Keeps playing or paused.
     */
    record Seek(int step) implements LiveCommand {
        public Seek {
            if (step < 0) {
                throw new IllegalArgumentException("seek target must be ≥ 0, was " + step);
            }
        }
    }

    /** Steps per second; 0 or less: as fast as the scheduler's fair share allows. */
    record Speed(double stepsPerSecond) implements LiveCommand {
    }

    /** End the session; its history stays readable. */
    record Stop() implements LiveCommand {
    }
}
