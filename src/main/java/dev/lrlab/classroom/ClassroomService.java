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
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Class sessions (plain Java, no web stack): create a class, push an experiment, lock fields, set
 * the pace, ask and reveal, spread a crowd sweep over the seats, take students' runs and answers,
 * export the results. Every instructor action presents the secret and is checked here, every seat
 * action its seat token; every change raises the version in the database and is announced through
 * {@link RoomEvents}. Nothing of a class lives only in memory: a new service on the same database
 * sees every class as it was.
 *
 * <p>A class code is the only thing between a stranger and a class, so no answer tells an unknown
 * code from a wrong secret or seat token ({@link Reason#WRONG_SECRET} for both, the same message),
 * and every such failure costs the client's network one guess ({@link #asClient}).
 */
public class ClassroomService {
    private static final int MAX_QUESTION = 200;

    public record Settings(int maxMembers, Duration idle) {
    }

    public record Created(String code, String secret) {
    }

    public record Joined(String code, int memberId, String seatToken, String alias) {
    }

    /**
     * The limits per client network: wrong guesses (unknown codes, wrong secrets and seat tokens),
     * classes created, seats taken.
     */
    public record Limiters(RateLimiter guesses, RateLimiter creates, RateLimiter joins) {
        /** {@code perMinute} for each, counted in this JVM only: for tools and tests without a shared store. */
        public static Limiters inMemory(int perMinute) {
            return new Limiters(new RateLimiter(perMinute, "unknown class codes or wrong secrets"),
                    new RateLimiter(perMinute, "new classes"), new RateLimiter(perMinute, "joins"));
        }
    }

    private final ExperimentService experiments;
    private final ClassStore store;
    private final RoomEvents events;
    private final Limiters limits;
    private final Settings settings;
    private final Clock clock;
    private final Secrets secrets = new Secrets();
    /** The newest state read per class, so a push heard by 200 pages costs one read, not 200. */
    private final Map<String, ClassState> latest = new ConcurrentHashMap<>();

    public ClassroomService(ExperimentService experiments, ClassStore store, RoomEvents events, Limiters limits,
                            Settings settings, Clock clock) {
        this.experiments = experiments;
        this.store = store;
        this.events = events;
        this.limits = limits;
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

    public Limiters limits() {
        return limits;
    }

    /** Starts a class for {@code client} (counted against {@code lrlab.classes.creates-per-hour} of its network). */
    public Created create(String client) {
        limits.creates().acquire(client);
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
     * Runs one request of {@code client} that names a class by its code: a client whose network is
     * out of guesses is refused before anything is looked up (so a right code reveals nothing more
     * than a wrong one while limited), and a failure that could be a guess (an unknown code, a wrong
     * secret or seat token, which answer alike) costs its network one guess
     * ({@code lrlab.classes.guesses-per-minute}).
     */
    public <T> T asClient(String client, Supplier<T> request) {
        limits.guesses().check(client);
        try {
            return request.get();
        } catch (ClassroomException e) {
            if (e.reason() == Reason.NOT_FOUND || e.reason() == Reason.WRONG_SECRET) {
                try {
                    limits.guesses().acquire(client);
                } catch (RateLimiter.RateLimitedException spent) {
                    // this very failure spent the last guess: it is still answered as itself
                }
            }
            throw e;
        }
    }

    /** A code typed by a client (a student, a script): the public state; unknown codes cost a guess. */
    public ClassState lookup(String typedCode, String client) {
        return asClient(client, () -> state(typedCode).forStudents());
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

    /**
     * The class when {@code secret} is its instructor's. Without a secret nothing is looked up (so
     * "no secret" says nothing about the code); an unknown code and a wrong secret get one and the
     * same refusal.
     */
    private ClassState authorize(String code, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ClassroomException(Reason.NO_SECRET, "secret", "this action needs the instructor's secret");
        }
        String c = Secrets.normalizeCode(code);
        ClassStore.Row row = c == null ? null : readRow(c);
        // hash the secret even for an unknown code: both refusals take the same work
        boolean right = Secrets.matches(secret, row == null ? Secrets.sha256("") : row.secretSha256());
        if (row == null || !right) {
            throw new ClassroomException(Reason.WRONG_SECRET, "secret",
                    "no class with this code and instructor secret");
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
        List<String> kept = s.editable().stream().filter(p -> known(p, c.canonical())).toList();
        boolean sweepKept = s.sweep() != null && known(s.sweep().path(), c.canonical());
        return changeWith(s.code(), () -> store.clearRound(s.code()), "spec_json = ?, editable_json = ?" + (sweepKept ? "" : ", sweep_path = NULL"),
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
        return changeWith(s.code(), () -> store.clearPredictions(s.code()), "question_kind = ?, question_text = ?",
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
        limits.joins().acquire(client);
        String token = secrets.secret();
        Instant now = clock.instant();
        // lock, cap, insert and version in one transaction: 320 parallel joins give exactly the cap
        long[] version = new long[1];
        Joined joined = store.atomically(() -> {
            if (!store.lockClass(s.code())) {
                throw notFound(typedCode);
            }
            int id = store.nextMemberId(s.code());
            String alias = Aliases.of(id);
            if (!store.insertMemberBelowCap(s.code(), id, shown == null ? alias : shown, alias, Secrets.sha256(token),
                    now, settings.maxMembers())) {
                throw new ClassroomException(Reason.FULL, "members", "class " + s.code() + " is full: it holds at most "
                        + settings.maxMembers() + " students");
            }
            store.change(s.code(), now, "");
            version[0] = store.version(s.code());
            return new Joined(s.code(), id, token, alias);
        });
        events.publish(s.code(), version[0]);
        return joined;
    }

    /**
     * Checks a seat token; the public state when it is right. An unknown class, an unknown seat and
     * a wrong token get one and the same refusal.
     */
    public ClassState seat(String code, int member, String seatToken) {
        String c = Secrets.normalizeCode(code);
        ClassState s = c == null ? null : read(c);
        String hash = s == null ? null : store.seatHash(s.code(), member).orElse(null);
        boolean right = Secrets.matches(seatToken, hash == null ? Secrets.sha256("") : hash);
        if (hash == null || !right) {
            throw new ClassroomException(Reason.WRONG_SECRET, "seatToken",
                    "no seat with this number, class code and seat token");
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
        Instant now = clock.instant();
        return changeWith(s.code(), () -> store.savePrediction(s.code(), member, answer.choice(), answer.number(), now),
                "");
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
        String specJson = ClassStore.write(c.canonical());
        // the answer, the run and the new version together, or none of them
        changeWith(s.code(), () -> {
            if (answer != null) {
                store.savePrediction(s.code(), member, answer.choice(), answer.number(), now);
            }
            store.saveSubmission(s.code(), member, specJson, share, finalLoss, rr.divergedAtStep(), curve, now);
        }, "");
        return new ClassState.Submission(member, c.canonical(), share, finalLoss, rr.divergedAtStep(), curve, now);
    }

    // ------------------------------------------------------------------ helpers

    private long change(String code, String set, Object... params) {
        OptionalLong v = store.changeAndVersion(code, clock.instant(), set, params);
        if (v.isEmpty()) {
            throw notFound(code);
        }
        events.publish(code, v.getAsLong());
        return v.getAsLong();
    }

    /**
     * {@code before} (more writes of the same change) and the version raise in ONE transaction under
     * the class row's lock; announced after it committed.
     */
    private long changeWith(String code, Runnable before, String set, Object... params) {
        Instant now = clock.instant();
        long v = store.atomically(() -> {
            if (!store.lockClass(code)) {
                throw notFound(code);
            }
            before.run();
            store.change(code, now, set, params);
            return store.version(code);
        });
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
