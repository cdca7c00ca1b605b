package dev.lrlab.api;

import dev.lrlab.classroom.ClassResults;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.CrowdSweep;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.ExperimentService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import dev.lrlab.web.PublicUrl;
import java.util.function.Supplier;

/**
 * Class sessions under {@code /api/classes}: for scripts, LMS integrations and tests. Instructor
 * actions carry {@code Authorization: Bearer <secret>}, seat actions the seat token
 * ({@code X-Seat-Token} or Bearer); every check is the {@link ClassroomService}'s.
 */
@RestController
@RequestMapping(path = "/api/classes", produces = MediaType.APPLICATION_JSON_VALUE)
public class ClassesController {
    private final ClassroomService classes;
    private final ExperimentService experiments;
    private final PublicUrl publicUrl;

    public ClassesController(ClassroomService classes, ExperimentService experiments, PublicUrl publicUrl) {
        this.classes = classes;
        this.experiments = experiments;
        this.publicUrl = publicUrl;
    }

    public record CreatedResponse(String code, String instructorUrl, String joinUrl, String secret) {
    }

    public record JoinedResponse(int memberId, String seatToken, String alias) {
    }

    public record SubmittedResponse(int memberId, Double finalLoss, Integer divergedAt, String shareCode) {
    }

    @Operation(summary = "Start a class", description = "A 6-character join code and the instructor's secret "
            + "(shown once, stored hashed); instructorUrl opens the dashboard. At most "
            + "lrlab.classes.creates-per-hour per client network (then 429 with Retry-After).")
    @PostMapping
    public ResponseEntity<CreatedResponse> create(HttpServletRequest req) {
        ClassroomService.Created c = classes.create(req.getRemoteAddr());
        String base = publicUrl.base(req);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedResponse(c.code(),
                base + "/class/teach/" + c.code() + "?k=" + c.secret(), base + "/join?code=" + c.code(), c.secret()));
    }

    @Operation(summary = "The public state of a class", description = "code, version (grows with every change), "
            + "phase, the pushed spec, the locks, the members (aliases when anonymized). Unknown codes count "
            + "against the client's guesses (lrlab.classes.guesses-per-minute, then 429).")
    @GetMapping("/{code}")
    public Map<String, Object> state(@PathVariable("code") String code, HttpServletRequest req) {
        return publicState(classes.lookup(code, req.getRemoteAddr()));
    }

    @Operation(summary = "Push an experiment to every seat", description = "Body {spec}; validated like /api/simulate.")
    @PostMapping("/{code}/push")
    public Map<String, Object> push(@PathVariable("code") String code, @RequestBody byte[] body, HttpServletRequest req) {
        Map<String, Object> b = body(body, req);
        if (!(b.get("spec") instanceof Map<?, ?> spec)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be {\"spec\": {…}}", "spec", List.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) spec;
        return version(as(req, () -> classes.push(code, bearer(req), s)));
    }

    @Operation(summary = "Choose the fields students may change", description = "Body {editable: [paths]}; "
            + "every other field is locked and a submission changing it gets 403 naming it.")
    @PostMapping("/{code}/locks")
    public Map<String, Object> locks(@PathVariable("code") String code, @RequestBody byte[] body, HttpServletRequest req) {
        Object e = body(body, req).get("editable");
        if (!(e instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "editable must be a list of spec paths", "editable", List.of());
        }
        List<String> paths = list.stream().map(String.class::cast).toList();
        return version(as(req, () -> classes.setEditable(code, bearer(req), paths)));
    }

    @Operation(summary = "Set the pace", description = "Body {phase: paused | running | reveal | ended}.")
    @PostMapping("/{code}/phase")
    public Map<String, Object> phase(@PathVariable("code") String code, @RequestBody byte[] body, HttpServletRequest req) {
        Object p = body(body, req).get("phase");
        Phase phase = Phase.parse(p == null ? null : p.toString());
        return version(as(req, () -> classes.setPhase(code, bearer(req), phase)));
    }

    @Operation(summary = "Ask a question", description = "Body {kind: none | choice | number, text}.")
    @PostMapping("/{code}/question")
    public Map<String, Object> question(@PathVariable("code") String code, @RequestBody byte[] body,
                                        HttpServletRequest req) {
        Map<String, Object> b = body(body, req);
        String kind = String.valueOf(b.getOrDefault("kind", "none")).toUpperCase(java.util.Locale.ROOT);
        ClassState.Question.Kind k;
        try {
            k = ClassState.Question.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "kind must be none, choice or number", "kind",
                    List.of("none", "choice", "number"));
        }
        Object text = b.get("text");
        ClassState.Question q = new ClassState.Question(k, text == null ? null : text.toString());
        return version(as(req, () -> classes.setQuestion(code, bearer(req), q)));
    }

    @Operation(summary = "Spread a field over the seats", description = "Body {path, min, max, points} (a log grid; "
            + "seat n gets value n), or {} to stop.")
    @PostMapping("/{code}/sweep")
    public Map<String, Object> sweep(@PathVariable("code") String code, @RequestBody byte[] body, HttpServletRequest req) {
        Map<String, Object> b = body(body, req);
        CrowdSweep sweep = b.get("path") == null ? null : new CrowdSweep(b.get("path").toString(), number(b, "min"),
                number(b, "max"), (int) number(b, "points"));
        return version(as(req, () -> classes.setSweep(code, bearer(req), sweep)));
    }

    @Operation(summary = "Anonymize", description = "Body {on: true|false}: names replaced by aliases on every student page.")
    @PostMapping("/{code}/anonymize")
    public Map<String, Object> anonymize(@PathVariable("code") String code, @RequestBody byte[] body,
                                         HttpServletRequest req) {
        boolean on = Boolean.TRUE.equals(body(body, req).get("on"));
        return version(as(req, () -> classes.setAnonymized(code, bearer(req), on)));
    }

    @Operation(summary = "Spotlight a seat on the projector", description = "Body {memberId} (null: none).")
    @PostMapping("/{code}/spotlight")
    public Map<String, Object> spotlight(@PathVariable("code") String code, @RequestBody byte[] body,
                                         HttpServletRequest req) {
        Object m = body(body, req).get("memberId");
        Integer member = m instanceof Number n ? n.intValue() : null;
        return version(as(req, () -> classes.spotlight(code, bearer(req), member)));
    }

    @Operation(summary = "The session's results", description = "One row per seat: alias, parameters, final loss, "
            + "diverged at, prediction, share code. Accept: text/csv gives CSV.")
    @GetMapping(path = "/{code}/results", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> results(@PathVariable("code") String code, HttpServletRequest req,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ClassResults r = as(req, () -> classes.results(code, bearer(req)));
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"class-" + code + ".csv\"").body(r.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("columns", r.columns(), "rows", r.rows()));
    }

    @Operation(summary = "Take a seat", description = "Body {name} (blank: anonymous, the seat's alias). The seat "
            + "token is shown once; present it as X-Seat-Token.")
    @PostMapping("/{code}/members")
    public ResponseEntity<JoinedResponse> join(@PathVariable("code") String code, @RequestBody byte[] body,
                                               HttpServletRequest req) {
        Object name = body(body, req).get("name");
        ClassroomService.Joined j = classes.join(code, name == null ? null : name.toString(), req.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(new JoinedResponse(j.memberId(), j.seatToken(), j.alias()));
    }

    @Operation(summary = "Submit a seat's run", description = "Body {spec, prediction?}; a change to a locked field "
            + "is 403 naming it. The server runs the spec and answers the final loss and the step it diverged at.")
    @PostMapping("/{code}/members/{memberId}/submissions")
    public SubmittedResponse submit(@PathVariable("code") String code, @PathVariable("memberId") int memberId,
                                    @RequestHeader(value = "X-Seat-Token", required = false) String seat,
                                    @RequestBody byte[] body, HttpServletRequest req) {
        Map<String, Object> b = body(body, req);
        if (!(b.get("spec") instanceof Map<?, ?> spec)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be {\"spec\": {…}, \"prediction\": …}", "spec",
                    List.of());
        }
        Object p = b.get("prediction");
        ClassState.Prediction pred = p == null ? null : p instanceof Number n
                ? new ClassState.Prediction(memberId, null, n.doubleValue())
                : new ClassState.Prediction(memberId, p.toString(), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) spec;
        String token = seat != null ? seat : bearer(req);
        ClassState.Submission sub = as(req, () -> classes.submit(code, memberId, token, s, pred));
        return new SubmittedResponse(memberId, sub.finalLoss(), sub.divergedAt(), sub.shareCode());
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> publicState(ClassState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", s.code());
        out.put("version", s.version());
        out.put("phase", s.phase().wire());
        out.put("spec", s.spec());
        out.put("locks", Map.of("editable", s.editable()));
        out.put("members", s.members().stream().map(m -> Map.of("id", m.id(), "name", m.name())).toList());
        out.put("question", s.question().kind() == ClassState.Question.Kind.NONE ? null
                : Map.of("kind", s.question().kind().name().toLowerCase(java.util.Locale.ROOT),
                "text", s.question().text() == null ? "" : s.question().text()));
        out.put("sweep", s.sweep());
        out.put("anonymized", s.anonymized());
        out.put("spotlight", s.spotlight());
        return out;
    }

    private Map<String, Object> body(byte[] body, HttpServletRequest req) {
        ApiController.checkJson(req);
        return experiments.parseSpec(body); // the API's JSON rules: an object, nesting and size caps
    }

    private static double number(Map<String, Object> b, String key) {
        if (b.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, key + " must be a number", key, List.of());
    }

    private static Map<String, Object> version(long v) {
        return Map.of("version", v);
    }

    /**
     * Runs a request that names a class through the guess limit of the client's network: an unknown
     * code and a wrong secret or seat token answer alike and each costs one guess.
     */
    private <T> T as(HttpServletRequest req, Supplier<T> request) {
        return classes.asClient(req.getRemoteAddr(), request);
    }

    /** The bearer token of the request, or null (the service answers 401 then). */
    private static String bearer(HttpServletRequest req) {
        String h = req.getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    /** Keeps the mapping of refusals next to the endpoints (used by {@link ApiExceptionHandler}). */
    static HttpStatus status(ClassroomException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NO_SECRET -> HttpStatus.UNAUTHORIZED;
            case WRONG_SECRET, LOCKED -> HttpStatus.FORBIDDEN;
            case FULL, ENDED -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }
}
