package dev.lrlab.classroom;

/**
 * The class as a sweep: seat n gets the n-th value of a log grid of {@code points} values from
 * {@code min} to {@code max} of one spec field (cycling when there are more seats than points), so
 * a hall of students covers the range without anyone choosing.
 */
public record CrowdSweep(String path, double min, double max, int points) {
    public static final int MAX_POINTS = 300;

    public CrowdSweep {
        if (!(min > 0) || !(max > min) || !Double.isFinite(max)) {
            throw new ClassroomException(ClassroomException.Reason.INVALID, "sweep.min",
                    "a log grid needs 0 < min < max, was min " + min + ", max " + max);
        }
        if (points < 2 || points > MAX_POINTS) {
            throw new ClassroomException(ClassroomException.Reason.INVALID, "sweep.points",
                    "points must be 2 … " + MAX_POINTS + ", was " + points);
        }
    }

    /** The value of seat {@code seat} (1-based). */
    public double valueFor(int seat) {
        int i = Math.floorMod(seat - 1, points);
        if (i == points - 1) {
            return max; // exactly the end of the range, not a rounding of it
        }
        return min * Math.pow(max / min, (double) i / (points - 1));
    }
}
