package dev.lrlab.classroom;

/**
 * Why a class action was refused. The reason decides the HTTP status in the API and the message
 * in the UI; {@code field} names what was wrong (a locked spec path, "name", "secret" …).
 */
public class ClassroomException extends RuntimeException {
    public enum Reason {
        /** no such class (or it expired) */
        NOT_FOUND,
        /** an instructor action without the secret */
        NO_SECRET,
        /** an instructor action with a wrong secret, or a seat action with a wrong seat token */
        WRONG_SECRET,
        /** a submission changed a field the instructor locked */
        LOCKED,
        /** the class holds its maximum of students */
        FULL,
        /** the class has ended: nothing changes any more */
        ENDED,
        /** a malformed value (name too long, bad sweep range …) */
        INVALID
    }

    private final Reason reason;
    private final String field;

    public ClassroomException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
