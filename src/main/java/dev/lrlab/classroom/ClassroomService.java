package dev.lrlab.classroom;

import dev.lrlab.classroom.ClassState.Prediction;
import dev.lrlab.classroom.ClassState.Question;
import dev.lrlab.classroom.ClassroomException.Reason;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.sweep.SpecPath;
import dev.lrlab.links.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Class sessions (plain Java, no web stack): create a class, push an experiment, lock fields, set
 * the pace, ask and reveal, spread a crowd sweep over the seats, take students' runs and answers,
 * export the results. Every instructor action presents the secret and is checked here, every seat
 * action its seat token; every change raises the version in the database and is announced through
 * {@link RoomEvents}. Nothing of a class lives only in memory: a new service on the same database
 * sees every class as it was.
 */
public class ClassroomService {
    private static final int MAX_QUESTION = 200;

    public record Settings(int maxMembers, Duration idle) {
    }

    public record Created(String code, String secret) {
    }

    public record Joined(int memberId, String seatToken, String alias) {
    }

    private final ExperimentService experiments;
    private final ClassStore store;
    private final RoomEvents events;
    private final RateLimiter guesses;
    private final Settings settings;
    private final Clock clock;
    private final Secrets secrets = new Secrets();
    /** The newest state read per class, so a push heard by 200 pages costs one read, not 200. */
    private final Map<String, ClassState> latest = new ConcurrentHashMap<>();

    public ClassroomService(ExperimentService experiments, ClassStore store, RoomEvents events, RateLimiter guesses,
                            Settings settings, Clock clock) {
        this.experiments = experiments;
        this.store = store;
        this.events = events;
        this.guesses = guesses;
        this.settings = settings;
        this.clock = clock;
    }

    public RoomEvents events() {
        return events;
    }

    public Settings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ reading

    public Created create() {
        store.deleteIdle(clock.instant().minus(settings.idle()));
        String secret = secrets.secret();
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = secrets.joinCode();
            if (store.insertClass(code, Secrets.sha256(secret), clock.instant())) {
                return new Created(code, secret);
            }
        }
        throw new IllegalStateException("no free join code after 20 attempts");
    }

    /**
     * A code typed by a client (a student, a script): unknown codes cost the client one of its
     * guesses per minute, and a client out of guesses is refused before the lookup, so a right
     * code reveals nothing more than a wrong one while limited.
     */
    public ClassState lookup(String typedCode, String client) {
        guesses.check(client);
        String code = Secrets.normalizeCode(typedCode);
        ClassState s = code == null ? null : read(code);
        if (s == null) {
            guesses.acquire(client);
            throw notFound(typedCode);
        }
        return s.forStudents();
    }

    /** The public state (no real names when anonymized). */
    public ClassState publicState(String code) {
        return state(code).forStudents();
    }

    /** The full state with real names, for the instructor only. */
    public ClassState instructorState(String code, String secret) {
        return authorize(code, secret);
    }

    /**
     * The state at {@code version} or newer (for listeners of {@link RoomEvents}): read once per
     * version however many pages ask; public form.
     */
    public ClassState stateAtLeast(String code, long version) {
        ClassState s = latest.get(code);
        if (s == null || s.version() < version) {
            s = state(code);
        }
        return s;
    }

    private ClassState state(String code) {
        String c = Secrets.normalizeCode(code);
        ClassState s = c == null ? null : read(c);
        if (s == null) {
            throw notFound(code);
        }
        return s;
    }

    private ClassState read(String code) {
        ClassStore.Row row = readRow(code);
        return row == null ? null : row.state();
    }

    /** The row, or null when absent or idle past {@code lrlab.classes.idle-hours} (expired). */
    private ClassStore.Row readRow(String code) {
        ClassStore.Row row = store.find(code).orElse(null);
        if (row == null || row.state().touchedAt().plus(settings.idle()).isBefore(clock.instant())) {
            latest.remove(code);
            return null;
        }
        latest.merge(code, row.state(), (old, now) -> now.version() >= old.version() ? now : old);
        return row;
    }

    private ClassStore.Row row(String code) {
        String c = Secrets.normalizeCode(code);
        ClassStore.Row row = c == null ? null : readRow(c);
        if (row == null) {
            throw notFound(code);
        }
        return row;
    }

    private ClassState authorize(String code, String secret) {
        ClassStore.Row row = row(code);
        if (secret == null || secret.isBlank()) {
            throw new ClassroomException(Reason.NO_SECRET, "secret", "this action needs the instructor's secret");
        }
        if (!Secrets.matches(secret, row.secretSha256())) {
            throw new ClassroomException(Reason.WRONG_SECRET, "secret", "wrong instructor secret for class " + code);
        }
        return row.state();
    }

    private ClassState authorizeOpen(String code, String secret) {
        ClassState s = authorize(code, secret);
        if (s.phase() == Phase.ENDED) {
            throw ended(s.code());
        }
        return s;
    }

    // ------------------------------------------------------------------ instructor

    /** Pushes an experiment (validated, stored canonical-minimal); a new round: old runs and answers go. */
    public long push(String code, String secret, Map<String, ?> spec) {
        ClassState s = authorizeOpen(code, secret);
        Compiled c = experiments.compile(spec);
        store.clearRound(s.code());
        List<String> kept = s.editable().stream().filter(p -> known(p, c.canonical())).toList();
        boolean sweepKept = s.sweep() != null && known(s.sweep().path(), c.canonical());
        return change(s.code(), "spec_json = ?, editable_json = ?" + (sweepKept ? "" : ", sweep_path = NULL"),
                ClassStore.write(c.minimal()), ClassStore.write(kept));
    }

    /** The fields students may change; each must name a field of the pushed experiment. */
    public long setEditable(String code, String secret, List<String> paths) {
        ClassState s = authorizeOpen(code, secret);
        if (s.spec() != null) {
            Map<String, Object> canonical = experiments.compile(s.spec()).canonical();
            for (int i = 0; i < paths.size(); i++) {
                SpecPath.parse(paths.get(i), "editable[" + i + "]").checkIn(canonical, "editable[" + i + "]");
            }
        }
        return change(s.code(), "editable_json = ?", ClassStore.write(List.copyOf(paths)));
    }

    public long setPhase(String code, String secret, Phase phase) {
        ClassState s = authorizeOpen(code, secret);
        return change(s.code(), "phase = ?", phase.wire());
    }

    /** Every seat restarts its run from step 0, held until the next start. */
    public long resetRuns(String code, String secret) {
        ClassState s = authorizeOpen(code, secret);
        return change(s.code(), "reset_count = reset_count + 1, phase = 'paused'");
    }

    /** Asks a new question (answers to the old one go). */
    public long setQuestion(String code, String secret, Question q) {
        ClassState s = authorizeOpen(code, secret);
        String text = q.text() == null ? null : q.text().strip();
        if (text != null && text.length() > MAX_QUESTION) {
            throw new ClassroomException(Reason.INVALID, "question", "a question has at most " + MAX_QUESTION + " characters");
        }
        store.clearPredictions(s.code());
        return change(s.code(), "question_kind = ?, question_text = ?",
                q.kind().name().toLowerCase(java.util.Locale.ROOT), text);
    }

    /** Spreads one numeric field over the seats (null: everyone runs the pushed value). */
    public long setSweep(String code, String secret, CrowdSweep sweep) {
        ClassState s = authorizeOpen(code, secret);
        if (sweep == null) {
            return change(s.code(), "sweep_path = NULL");
        }
        if (s.spec() == null) {
            throw new ClassroomException(Reason.INVALID, "sweep.path", "push an experiment before setting up a sweep");
        }
        Map<String, Object> canonical = experiments.compile(s.spec()).canonical();
        SpecPath path = SpecPath.parse(sweep.path(), "sweep.path");
        path.checkIn(canonical, "sweep.path");
        if (!(path.get(canonical) instanceof Number)) {
            throw new ClassroomException(Reason.INVALID, "sweep.path", sweep.path() + " is not a number");
        }
        // every grid value must give a valid experiment, checked now rather than at each seat
        for (double v : new double[]{sweep.min(), sweep.max()}) {
            experiments.compile(withValue(s.spec(), canonical, path, v));
        }
        return change(s.code(), "sweep_path = ?, sweep_min = ?, sweep_max = ?, sweep_points = ?",
                sweep.path(), sweep.min(), sweep.max(), sweep.points());
    }

    public long setAnonymized(String code, String secret, boolean on) {
        return change(authorizeOpen(code, secret).code(), "anonymized = ?", on);
    }

    /** Whether students see the class chart (they always do at reveal). */
    public long setShowChart(String code, String secret, boolean on) {
        return change(authorizeOpen(code, secret).code(), "show_chart = ?", on);
    }

    /** Puts a seat's run on the projector (null: none). */
    public long spotlight(String code, String secret, Integer member) {
        ClassState s = authorizeOpen(code, secret);
        if (member != null && s.member(member).isEmpty()) {
            throw new ClassroomException(Reason.INVALID, "member", "no member " + member + " in class " + s.code());
        }
        return change(s.code(), "spotlight = ?", member);
    }

    /** Ends the class: nothing changes any more; seats keep the share code of their last run. */
    public long end(String code, String secret) {
        return setPhase(code, secret, Phase.ENDED);
    }

    public ClassResults results(String code, String secret) {
        return ClassResults.of(authorize(code, secret));
    }

    // ------------------------------------------------------------------ seats

    /** Takes the next seat; a blank name stays anonymous (the seat's alias). */
    public Joined join(String typedCode, String name, String client) {
        ClassState s = lookup(typedCode, client);
        if (s.phase() == Phase.ENDED) {
            throw ended(s.code());
        }
        String shown = SeatRules.cleanName(name);
        String token = secrets.secret();
        for (int attempt = 0; attempt < 50; attempt++) {
            if (store.memberCount(s.code()) >= settings.maxMembers()) {
                throw new ClassroomException(Reason.FULL, "members", "class " + s.code() + " is full: it holds at most "
                        + settings.maxMembers() + " students");
            }
            int id = store.nextMemberId(s.code());
            String alias = Aliases.of(id);
            if (store.insertMember(s.code(), id, shown == null ? alias : shown, alias, Secrets.sha256(token),
                    clock.instant())) {
                change(s.code(), "");
                return new Joined(id, token, alias);
            }
        }
        throw new IllegalStateException("could not take a seat in class " + s.code());
    }

    /** Checks a seat token; the public state when it is right. */
    public ClassState seat(String code, int member, String seatToken) {
        ClassState s = state(code);
        String hash = store.seatHash(s.code(), member).orElseThrow(() ->
                new ClassroomException(Reason.NOT_FOUND, "member", "no member " + member + " in class " + s.code()));
        if (!Secrets.matches(seatToken, hash)) {
            throw new ClassroomException(Reason.WRONG_SECRET, "seatToken", "wrong seat token for member " + member);
        }
        return s.forStudents();
    }

    /** The experiment of a seat: the pushed one with the seat's crowd-sweep value (null before a push). */
    public Map<String, Object> seatSpec(ClassState s, int member) {
        if (s.spec() == null) {
            return null;
        }
        if (s.sweep() == null) {
            return SpecPath.deepCopyMap(s.spec());
        }
        SpecPath path = SpecPath.parse(s.sweep().path(), "sweep.path");
        return withValue(s.spec(), experiments.compile(s.spec()).canonical(), path, s.sweep().valueFor(member));
    }

    /** The seat's swept value, or null without a sweep. */
    public Double sweepValue(ClassState s, int member) {
        return s.sweep() == null ? null : s.sweep().valueFor(member);
    }

    public long predict(String code, int member, String seatToken, Prediction answer) {
        ClassState s = seat(code, member, seatToken);
        SeatRules.checkAnswer(s, answer);
        store.savePrediction(s.code(), member, answer.choice(), answer.number(), clock.instant());
        return change(s.code(), "");
    }

    /**
     * Takes a seat's run: the spec must equal the seat's experiment in every locked field (the
     * answer names the first one that differs); the server runs it (runs are deterministic) and
     * keeps the final loss, the step it diverged at and its share code.
     */
    public ClassState.Submission submit(String code, int member, String seatToken, Map<String, ?> spec,
                                        Prediction answer) {
        ClassState s = seat(code, member, seatToken);
        if (s.phase() == Phase.ENDED) {
            throw ended(s.code());
        }
        if (s.spec() == null) {
            throw new ClassroomException(Reason.INVALID, "spec", "nothing has been pushed to class " + s.code() + " yet");
        }
        Compiled c = experiments.compile(spec);
        Map<String, Object> expected = experiments.compile(seatSpec(s, member)).canonical();
        String locked = LockCheck.firstLockedChange(expected, c.canonical(), s.editable());
        if (locked != null) {
            throw new ClassroomException(Reason.LOCKED, locked, locked + " is locked by the instructor");
        }
        if (answer != null) {
            SeatRules.checkAnswer(s, answer);
            store.savePrediction(s.code(), member, answer.choice(), answer.number(), clock.instant());
        }
        ExperimentResult r = experiments.simulate(c);
        int run = s.sweep() == null ? 0 : Math.max(0, SpecPath.parse(s.sweep().path(), "sweep.path").runIndex());
        RunResult rr = r.runs().get(Math.min(run, r.runs().size() - 1));
        Double finalLoss = rr.analysis() == null || !Double.isFinite(rr.analysis().finalLoss()) ? null
                : rr.analysis().finalLoss();
        String share = experiments.shareCode(c);
        Instant now = clock.instant();
        // the canonical form, so results and charts read every parameter, defaults included
        List<Double> curve = sampled(rr.loss());
        store.saveSubmission(s.code(), member, ClassStore.write(c.canonical()), share, finalLoss, rr.divergedAtStep(),
                curve, now);
        change(s.code(), "");
        return new ClassState.Submission(member, c.canonical(), share, finalLoss, rr.divergedAtStep(), curve, now);
    }

    // ------------------------------------------------------------------ helpers

    private long change(String code, String set, Object... params) {
        if (!store.change(code, clock.instant(), set, params)) {
            throw notFound(code);
        }
        long v = store.version(code);
        events.publish(code, v);
        return v;
    }

    /** At most 48 finite losses spread evenly over the run: enough for a thumbnail, small in the row. */
    private static List<Double> sampled(double[] loss) {
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        int n = loss.length;
        int k = Math.min(48, n);
        for (int i = 0; i < k; i++) {
            double v = loss[k == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (k - 1))];
            if (Double.isFinite(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean known(String path, Map<String, Object> canonical) {
        try {
            SpecPath.parse(path, "path").checkIn(canonical, "path");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> withValue(Map<String, Object> spec, Map<String, Object> canonical, SpecPath path,
                                                 double v) {
        Map<String, Object> copy = SpecPath.deepCopyMap(spec);
        path.set(copy, canonical, v);
        return copy;
    }

    private static ClassroomException notFound(String code) {
        return new ClassroomException(Reason.NOT_FOUND, "code", "no class with code '" + code + "'");
    }

    private static ClassroomException ended(String code) {
        return new ClassroomException(Reason.ENDED, "phase", "class " + code + " has ended");
    }
}
