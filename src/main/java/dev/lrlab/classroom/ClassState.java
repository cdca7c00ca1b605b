package dev.lrlab.classroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One class as read from the database at {@code version}. The instructor's state holds the real
 * display names; {@link #forStudents()} is the only form a student page or the public API gets.
 *
 * @param spec        the pushed experiment (canonical-minimal), null before the first push
 * @param editable    the spec paths students may change; every other field is locked
 * @param spotlight   the member shown on the projector, or null
 * @param resetCount  raised by "reset everyone"; a seat restarts its run when it sees a larger one
 */
public record ClassState(String code, long version, Phase phase, Map<String, Object> spec, List<String> editable,
                         Question question, CrowdSweep sweep, boolean anonymized, boolean showChart,
                         Integer spotlight, int resetCount, List<Member> members, List<Submission> submissions,
                         List<Prediction> predictions, Instant touchedAt) {

    /** A seat; {@code name} is what the student typed (the alias when they stayed anonymous). */
    public record Member(int id, String name, String alias) {
    }

    /** A member's last run, with what the server computed from its spec (losses: finite ones, sampled). */
    public record Submission(int member, Map<String, Object> spec, String shareCode, Double finalLoss,
                             Integer divergedAt, List<Double> lossCurve, Instant at) {
    }

    /** An answer to the class question: a choice (converge / oscillate / diverge) or a number. */
    public record Prediction(int member, String choice, Double number) {
        public String text() {
            return choice != null ? choice : number == null ? "" : Double.toString(number);
        }
    }

    /** The question asked before the run. */
    public record Question(Kind kind, String text) {
        public enum Kind { NONE, CHOICE, NUMBER }

        public static final Question NONE = new Question(Kind.NONE, null);
        public static final List<String> CHOICES = List.of("converge", "oscillate", "diverge");
    }

    /** The state without real names when anonymized: what every student page and GET /api/classes/{code} see. */
    public ClassState forStudents() {
        if (!anonymized) {
            return this;
        }
        List<Member> masked = new ArrayList<>(members.size());
        for (Member m : members) {
            masked.add(new Member(m.id(), m.alias(), m.alias()));
        }
        return new ClassState(code, version, phase, spec, editable, question, sweep, true, showChart, spotlight,
                resetCount, List.copyOf(masked), submissions, predictions, touchedAt);
    }

    /** The name a seat is shown by on every page (the alias when anonymized). */
    public String shownName(int member) {
        return member(member).map(m -> anonymized ? m.alias() : m.name()).orElse("");
    }

    public Optional<Member> member(int id) {
        return members.stream().filter(m -> m.id() == id).findFirst();
    }

    public Optional<Submission> submission(int member) {
        return submissions.stream().filter(s -> s.member() == member).findFirst();
    }

    public Optional<Prediction> prediction(int member) {
        return predictions.stream().filter(p -> p.member() == member).findFirst();
    }
}
