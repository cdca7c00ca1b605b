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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application layer: every surface (pages, REST API, CLI, links, presets, classes) compiles,
 * simulates, analyzes, shares and exports experiments through this one service, which knows no
 * HTTP and no Vaadin. Parse a JSON body, compile it once ({@link Compiled}: caps from
 * {@link Limits}, answered at once), and run the work on a bounded pool: at most
 * {@code maxConcurrent} computations at once, each for at most {@code timeoutMs} (then it is
 * interrupted: {@link TimeLimitException}). Errors are plain exceptions ({@code SpecException},
 * {@link InputException}, {@link BusyException}, {@link TimeLimitException},
 * {@code ShareCodeException}); each surface maps them to its own answer.
 */
public class ExperimentService implements AutoCloseable {
    private final ExperimentCompiler compiler;
    private final Limits limits;
    private final ObjectMapper json;
    private final ShareCodec codec = new ShareCodec();
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final long timeoutMs;

    public ExperimentService(Limits limits, int maxConcurrent, long timeoutMs) {
        if (maxConcurrent < 1 || timeoutMs < 1) {
            throw new IllegalArgumentException("maxConcurrent and timeoutMs must be ≥ 1");
        }
        this.limits = limits;
        this.compiler = new ExperimentCompiler(limits);
        this.json = LrLabJson.mapper();
        this.maxConcurrent = maxConcurrent;
        this.timeoutMs = timeoutMs;
        this.slots = new Semaphore(maxConcurrent);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "api-sim-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public Limits limits() {
        return limits;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public long timeoutMs() {
        return timeoutMs;
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
            throw new InputException("the JSON is too deeply nested or has too long values");
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
        return writeResult(simulate(parseSpec(body)));
    }

    /** The share code of a compiled experiment: its minimal form, packed. */
    public String shareCode(Compiled c) {
        return codec.encode(c.minimal());
    }

    /** The share code of a spec (compiled once; {@link SpecException} when invalid). */
    public String shareCode(Map<String, ?> spec) {
        return shareCode(compile(spec));
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
            throw new ShareCodeException("The share code holds a spec this server cannot run: "
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage(), e);
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
        boolean adaptive = !"sgd".equals(c.spec().runs().get(run).optimizer().type())
                || cfg.schedule() instanceof CurvatureSchedule;
        return new RunPreview(p, adaptive, "quadratic".equals(c.spec().landscape().type()),
                GameRegime.of(c.engine().landscape(), cfg));
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

    /** Runs {@code work} on the pool: {@link BusyException} when all slots are busy, {@link TimeLimitException} after the timeout. */
    public <T> T bounded(Callable<T> work) {
        if (!slots.tryAcquire()) {
            throw new BusyException("the server is already running its maximum of "
                    + maxConcurrent + " simulations at once; try again in a moment", 1);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
        AtomicBoolean started = new AtomicBoolean();
        Future<T> f;
        try {
            f = pool.submit(() -> {
                started.set(true);
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        try {
            return f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (!started.get()) {
                release.run();
            }
            throw new TimeLimitException(timeoutMs);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new BusyException("the request was interrupted", 1);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re && !(cause instanceof CancellationException)) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("simulation failed", cause);
        }
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
        pool.shutdownNow();
    }
}
