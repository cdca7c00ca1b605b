package dev.lrlab.api;

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
import dev.lrlab.experiment.BusyException;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.experiment.WorkQueue;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;

/**
 * What the REST endpoints do, without HTTP: parse the JSON body, compile it (caps from
 * {@link Limits}, answered at once), and run the work through a {@link WorkQueue}: at most
 * {@code maxConcurrent} requests compute at once, a bounded number wait briefly for a slot (past
 * that: {@link BusyException}, answered 503 with Retry-After), each computes for at most
 * {@code timeoutMs} (then the run is interrupted and the request answered with 422).
 */
public class ExperimentService implements AutoCloseable {
    private final ExperimentCompiler compiler;
    private final Limits limits;
    private final ObjectMapper json;
    private final WorkQueue queue;

    /** No waiting line: kept for callers (tests, benchmarks) that want the plain bound. */
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
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    "the request body is empty; send an experiment spec (a JSON object)");
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (StreamConstraintsException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, tooBig(e));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? null
                    : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage(), where, List.of());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "cannot read the request body: " + e.getMessage());
        }
        if (parsed == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    "the request body is null; send an experiment spec (a JSON object)");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be a JSON object (an experiment spec), was "
                    + kind(parsed));
        }
        return (Map<String, Object>) m;
    }

    /** Compiles a spec (validation and caps; {@link SpecException} on errors). */
    public CompiledExperiment compile(Map<String, ?> spec) {
        return compiler.compile(spec);
    }

    public ExperimentResult simulate(Map<String, ?> spec) {
        CompiledExperiment c = compile(spec);
        return bounded(() -> ExperimentRunner.run(c));
    }

    /** The whole request path as used by POST /api/simulate: JSON body → JSON result. */
    public String simulateJson(byte[] body) {
        CompiledExperiment c = compile(parseSpec(body));
        // writing the rows is most of the CPU and memory of a big answer (9 MB for 8 × 10,000
        // steps): inside the bounded job, so the queue bounds it too (32 answers written at once
        // outside it took the server to 5 GB and median answers of 8–25 s)
        return bounded(() -> writeResult(ExperimentRunner.run(c)));
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
        CompiledExperiment c = compile(spec);
        return bounded(() -> analyzeNow(c));
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
     * Runs {@code work} through the {@link WorkQueue}: a short bounded wait when all slots are
     * busy ({@link BusyException} past it, answered 503 with Retry-After), 422 after the time limit.
     */
    <T> T bounded(Callable<T> work) {
        try {
            return queue.run(work);
        } catch (TimeLimitException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    /** Jackson's constraint message names the constraint; the answer says it in plain words. */
    static String tooBig(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("nesting depth")) {
            return "the JSON is nested more than " + Limits.MAX_JSON_DEPTH + " levels deep (server limit)";
        }
        return "the JSON has a value longer than the server accepts (numbers: 100 digits, text: 1,000,000 characters)";
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
