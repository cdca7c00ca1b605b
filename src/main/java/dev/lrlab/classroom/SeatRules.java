package dev.lrlab.classroom;

import dev.lrlab.classroom.ClassState.Prediction;
import dev.lrlab.classroom.ClassState.Question;
import dev.lrlab.classroom.ClassroomException.Reason;

/** What a seat may send: a display name, an answer that fits the question. */
public final class SeatRules {
    /** Longest display name (code points). */
    public static final int MAX_NAME = 40;

    private SeatRules() {
    }

    static void checkAnswer(ClassState s, Prediction a) {
        switch (s.question().kind()) {
            case NONE -> throw new ClassroomException(Reason.INVALID, "prediction", "no question has been asked");
            case CHOICE -> {
                if (a.choice() == null || !Question.CHOICES.contains(a.choice())) {
                    throw new ClassroomException(Reason.INVALID, "prediction",
                            "the answer must be one of converge, oscillate, diverge");
                }
            }
            case NUMBER -> {
                if (a.number() == null || !Double.isFinite(a.number())) {
                    throw new ClassroomException(Reason.INVALID, "prediction", "the answer must be a number");
                }
            }
        }
        if (s.phase() == Phase.REVEAL) {
            throw new ClassroomException(Reason.INVALID, "prediction", "the answers have been revealed");
        }
    }

    /** Trimmed, control characters removed, at most {@link #MAX_NAME} code points; null when blank. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String t = name.replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ").strip();
        if (t.isEmpty()) {
            return null;
        }
        int length = t.codePointCount(0, t.length());
        if (length > MAX_NAME) {
            // counted in code points, as a person counts them: an emoji is one, not two UTF-16 units
            throw new ClassroomException(Reason.INVALID, "name", "name: a display name has at most " + MAX_NAME
                    + " characters, this one has " + length);
        }
        return t;
    }
}
