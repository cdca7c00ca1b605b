package dev.lrlab.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.experiment.compare.Comparison;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The application layer: every surface (pages, REST API, CLI, links, presets, classes) compiles,
 * simulates, analyzes, shares and exports experiments through this one service, which knows no
 * HTTP and no Vaadin. Parse a JSON body, compile it once ({@link Compiled}: caps from
 * {@link Limits}, answered at once), and run the work through a {@link WorkQueue}: at most
 * {@code maxConcurrent} computations at once, a bounded number wait briefly for a slot (past that:
 * {@link BusyException} with a retry-after), each computes for at most {@code timeoutMs} (then it is
 * interrupted: {@link TimeLimitException}). Errors are plain exceptions ({@code SpecException},
 * {@link InputException}, {@link BusyException}, {@link TimeLimitException},
 * {@code ShareCodeException}); each surface maps them to its own answer.
 */
public class ExperimentService implements AutoCloseable {
    private final ExperimentCompiler compiler;
    private final Limits limits;
    private final ObjectMapper json;
    private final ShareCodec codec = new ShareCodec();
    private final WorkQueue queue;

    public ExperimentService(Limits limits, int maxConcurrent, long timeoutMs) {
        this(limits, new WorkQueue("api-sim", maxConcurrent, 0, 0, timeoutMs));
    }

    public ExperimentService(Limits limits, WorkQueue queue) {
        this.limits = limits;
        this.compiler = new ExperimentCompiler(limits);
        this.json = LrLabJson.mapper();
        this.queue = queue;
    }

    public Limits limits() {
        return limits;
    }

    public int maxConcurrent() {
        return queue.maxConcurrent();
    }

    public long timeoutMs() {
        return queue.timeoutMs();
    }

    /** Parses a request body into a spec object; 400 for empty, malformed or non-object bodies. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parseSpec(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InputException("the request body is empty; send an experiment spec (a JSON object)");
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (StreamConstraintsException e) {
            throw new InputException(tooBig(e));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? null
                    : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InputException("malformed JSON: " + e.getOriginalMessage(), where);
        } catch (IOException e) {
            throw new InputException("cannot read the request body: " + e.getMessage());
        }
        if (parsed == null) {
            throw new InputException("the request body is null; send an experiment spec (a JSON object)");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new InputException("the body must be a JSON object (an experiment spec), was " + kind(parsed));
        }
        return (Map<String, Object>) m;
    }

    /** Compiles a spec once (validation and caps; {@link SpecException} on errors). */
    public Compiled compile(Map<String, ?> spec) {
        return new Compiled(compiler.compile(spec), limits);
    }

    /** How many compiles this service has done (tests assert one per edit and one per opened link). */
    public long compileCount() {
        return compiler.compileCount();
    }

    /** The landscape of a landscape spec alone (validated, path "landscape"), reusing built ones. */
    public Landscape landscape(Map<String, ?> landscapeSpec) {
        return compiler.landscape(landscapeSpec);
    }

    public ExperimentResult simulate(Map<String, ?> spec) {
        return simulate(compile(spec));
    }

    public ExperimentResult simulate(Compiled c) {
        return bounded(() -> ExperimentRunner.run(c.engine()));
    }

    /** The whole request path as used by POST /api/simulate: JSON body → JSON result. */
    public String simulateJson(byte[] body) {
        Map<String, Object> spec = parseSpec(body);
        if (Comparison.isComparison(spec)) { // {"panels": [...]} → {"panels": [<result>, …], …}
            return write(Comparison.compile(this, spec).simulate(this));
        }
        Compiled c = compile(spec);
        // writing the rows is most of the CPU and memory of a big answer (9 MB for 8 × 10,000
        // steps): inside the bounded job, so the queue bounds it too (32 answers written at once
        // outside it took the server to 5 GB and median answers of 8–25 s)
        return bounded(() -> writeResult(ExperimentRunner.run(c.engine())));
    }

    /** The share code of a compiled experiment: its minimal form, packed. */
    public String shareCode(Compiled c) {
        return codec.encode(c.minimal());
    }

    /** The share code of a spec (compiled once; {@link SpecException} when invalid). */
    public String shareCode(Map<String, ?> spec) {
        return shareCode(compile(spec));
    }

    /** Packs a minimal spec (an experiment or a comparison) into a share code. */
    public String pack(Map<String, ?> minimal) {
        return codec.encode(minimal);
    }

    /** Unpacks a share code without compiling it ({@code ShareCodeException} when damaged). */
    public Map<String, Object> unpack(String code) {
        return codec.decode(code);
    }

    /**
     * Opens a share code: unpacks it and compiles it once. Damaged codes and specs this server
     * cannot run both give a {@link ShareCodeException} with a plain explanation.
     */
    public Compiled open(String code) {
        Map<String, Object> spec = codec.decode(code);
        try {
            return compile(spec);
        } catch (SpecException e) {
            throw new ShareCodeException("unrunnable", "The share code holds a spec this server cannot run: "
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage(), e,
                    (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage());
        }
    }

    /** The result as CSV (one row per recorded state per run). */
    public String csv(ExperimentResult result) {
        return CsvExport.csv(result);
    }

    /**
     * The same text as {@code write(result)}, faster: the runs (almost all of the text: one row per
     * recorded step) are written in parallel (common fork-join pool plus the calling thread) and
     * joined into the envelope written without them.
     */
    public String writeResult(ExperimentResult r) {
        List<RunResult> runs = r.runs();
        if (runs.size() < 2) {
            return write(r);
        }
        String head = write(new ExperimentResult(r.spec(), r.landscape(), r.dim(), r.viewBox(), r.minima(),
                List.of()));
        if (!head.endsWith(EMPTY_RUNS_LAST)) { // "runs" no longer the last field: no splicing
            return write(r);
        }
        List<String> parts = runs.parallelStream().map(this::write).toList();
        int len = head.length();
        for (String part : parts) {
            len += part.length() + 1;
        }
        StringBuilder sb = new StringBuilder(len);
        sb.append(head, 0, head.length() - 2); // up to and including "runs":[
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(parts.get(i));
        }
        return sb.append("]}").toString();
    }

    private static final String EMPTY_RUNS_LAST = "\"runs\":[]}";

    public AnalyzeResponse analyze(Map<String, ?> spec) {
        CompiledExperiment c = compile(spec).engine();
        return bounded(() -> analyzeNow(c));
    }

    /** The analysis of run {@code run} before running it (Hessian at the start, stability readouts). */
    public RunPreview preview(Compiled c, int run) {
        Analysis.Preview p = ExperimentRunner.preview(c.engine(), run);
        RunConfig cfg = c.engine().runs().get(run);
        boolean adaptive = RunPreview.adaptive(c.spec().runs().get(run), cfg);
        return new RunPreview(p, adaptive, RunPreview.QUADRATIC.contains(c.spec().landscape().type()),
                GameRegime.of(c.engine().landscape(), cfg),
                !(cfg.schedule() instanceof dev.lrlab.core.schedule.ConstantSchedule));
    }

    /** lr(t) of run {@code run} at about {@code points} evenly spaced steps. */
    public LrCurve lrCurve(Compiled c, int run, int points) {
        RunConfig cfg = c.engine().runs().get(run);
        if (cfg.schedule() instanceof CurvatureSchedule) {
            return new LrCurve(true, new double[0], new double[0]);
        }
        int n = cfg.steps();
        int every = Math.max(1, n / Math.max(1, points));
        int count = (n + every - 1) / every;
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = (double) i * every;
            ys[i] = cfg.schedule().lr(i * every);
        }
        return new LrCurve(false, xs, ys);
    }

    static AnalyzeResponse analyzeNow(CompiledExperiment c) {
        Landscape l = c.landscape();
        List<AnalyzeResponse.RunPreview> runs = new ArrayList<>();
        for (RunConfig cfg : c.runs()) {
            Analysis.Preview p = ExperimentRunner.preview(c, cfg.index());
            runs.add(new AnalyzeResponse.RunPreview(cfg.index(), cfg.label(), cfg.steps(), p));
        }
        return new AnalyzeResponse(c.canonicalSpec(), l.displayName(), l.dim(), l.isGame(), l.viewBox(), l.minima(),
                runs);
    }

    public String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Runs {@code work} through the {@link WorkQueue}: a short bounded wait when all slots are busy
     * ({@link BusyException} past it), {@link TimeLimitException} after the time limit.
     */
    public <T> T bounded(Callable<T> work) {
        return queue.run(work);
    }

    /** Jackson's constraint message names the constraint; the answer says it in plain words. */
    static String tooBig(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("nesting depth")) {
            return "the JSON is nested more than " + Limits.MAX_JSON_DEPTH + " levels deep (server limit)";
        }
        return "the JSON has a value longer than the server accepts (numbers: 100 digits, text: 1,000,000 characters)";
    }

    /**
     * Runs {@code worker} on up to {@code wanted} pool threads at once (as many slots as are free;
     * {@link BusyException} when none is). The workers split the work among themselves and keep
     * their own deadline (a sweep's chunks stop at {@link #timeoutMs()}); the future completes when
     * all have returned. Sweeps use this to compute their grid in parallel without blocking a thread.
     */
    public java.util.concurrent.CompletableFuture<Void> boundedWorkers(int wanted, Runnable worker) {
        return queue.workers(wanted, worker);
    }

    /** As {@link #boundedWorkers(int, Runnable)}, every worker under {@code guard}. */
    public java.util.concurrent.CompletableFuture<Void> boundedWorkers(int wanted, Runnable worker,
                                                                        dev.lrlab.core.work.WorkGuard guard) {
        return queue.workers(wanted, worker, guard);
    }

    private static String kind(Object o) {
        if (o instanceof List<?>) {
            return "a list";
        }
        if (o instanceof String) {
            return "a string";
        }
        if (o instanceof Number) {
            return "a number";
        }
        if (o instanceof Boolean) {
            return "a boolean";
        }
        return o.getClass().getSimpleName();
    }

    @Override
    public void close() {
        queue.close();
    }
}
