package dev.lrlab.api;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.experiment.AnalyzeResponse;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.export.PytorchExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import dev.lrlab.web.PublicUrl;

/**
 * The REST API under {@code /api}. Bodies are read as bytes and parsed here, so malformed JSON,
 * non-object bodies and wrong content types all get the same {@link ApiError} answer.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiController {

    static final String WORKED_EXAMPLE = """
            {"landscape": {"type": "quadratic", "eigenvalues": [2]},
             "runs": [{"label": "SGD", "start": [2], "steps": 4, "optimizer": {"type": "sgd", "lr": 0.1}}]}""";
    static final String TWO_RUNS = """
            {"landscape": {"type": "quadratic", "eigenvalues": [1, 10]},
             "runs": [
               {"label": "η = 0.19", "start": [-4, 2], "steps": 200, "optimizer": {"type": "sgd", "lr": 0.19}},
               {"label": "η = 0.21", "start": [-4, 2], "steps": 200, "optimizer": {"type": "sgd", "lr": 0.21}}]}""";
    static final String ADAM_ROSENBROCK = """
            {"landscape": {"type": "rosenbrock"},
             "runs": [{"label": "Adam", "start": [-1.5, 2], "steps": 2000,
                       "optimizer": {"type": "adam", "lr": 0.02},
                       "schedule": {"type": "cosine", "tMax": 2000}, "record": {"every": 10}}]}""";

    private final ExperimentService service;
    private final PresetCatalog presets;
    private final PublicUrl publicUrl;

    public ApiController(ExperimentService service, PresetCatalog presets, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.service = service;
        this.presets = presets;
    }

    @Operation(summary = "Run an experiment", description = "Compiles the spec (all fields validated, server caps "
            + "checked first) and runs every run to the end. Diverged runs stop before any non-finite value.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
            description = "an experiment spec"), examples = {
            @ExampleObject(name = "worked example", summary = "J = θ², θ0 = 2, η = 0.1 → 1.6, 1.28, 1.024, 0.8192",
                    value = WORKED_EXAMPLE),
            @ExampleObject(name = "stability edge", summary = "λmax = 10: η = 0.19 converges, 0.21 diverges",
                    value = TWO_RUNS),
            @ExampleObject(name = "Adam on Rosenbrock", value = ADAM_ROSENBROCK)}))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExperimentResult.class)))
    @ApiResponse(responseCode = "400", description = "bad spec, malformed JSON, wrong content type or over a cap",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "stopped at the server's time limit",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "all simulation slots busy and the waiting line full; "
            + "the Retry-After header says how many seconds to wait",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping("/simulate")
    public ResponseEntity<byte[]> simulate(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        checkJson(req);
        return json(service.simulateJson(body));
    }

    @Operation(summary = "Export an experiment as a PyTorch script", description = "A standalone Python 3 script "
            + "(torch, torch.optim, torch.optim.lr_scheduler) that prints every run as '# run <label>' and CSV "
            + "step,theta_0,…,loss,lr; deterministic runs reproduce the engine in float64. Header X-LrLab-Exact: "
            + "true, or false when a run uses randomness the script cannot mirror.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = PytorchExport.MEDIA_TYPE))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping(path = "/export/pytorch", produces = {PytorchExport.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<byte[]> exportPytorch(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        checkJson(req);
        Compiled compiled = service.compile(service.parseSpec(body));
        byte[] bytes = PytorchExport.script(compiled).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(PytorchExport.MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + PytorchExport.FILE_NAME + "\"")
                .header("X-LrLab-Exact", Boolean.toString(PytorchExport.exactness(compiled).exact()))
                .contentLength(bytes.length).body(bytes);
    }

    @Operation(summary = "Analyse an experiment without running it", description = "Per run: the Hessian "
            + "spectrum at the start point (λmax, λmin, condition number, 2/λmax), the first lr, ηλmax, |1−ηλi| per "
            + "eigendirection, momentum β and the effective lr η/(1−β); plus the canonical spec.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "stability edge", value = TWO_RUNS)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalyzeResponse.class)))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping("/analyze")
    public ResponseEntity<byte[]> analyze(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        checkJson(req);
        return json(service.write(service.analyze(service.parseSpec(body))));
    }

    @Operation(summary = "List the lesson presets (without their specs)")
    @GetMapping("/presets")
    public List<Preset.Summary> presets() {
        return presets.all().stream().map(Preset::summary).toList();
    }

    @Operation(summary = "One preset with its spec, formula and expectations")
    @ApiResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/presets/{id}")
    public Preset preset(@PathVariable("id") String id) {
        return presets.byId(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no preset with id '" + id + "'", "id", presets.all().stream().map(Preset::id).toList()));
    }

    /** The answer of POST /api/share. */
    public record ShareResponse(
            @Schema(example = "1.q1YqSi0oyskvTs1VslIqTM4vSlHSUUpKLCpKTSkNSi1OLSpKVbJSMjRQ0lEqLkksSQUpSi1OLQ2pVKoFAA")
            String code,
            @Schema(description = "opens the playground with this experiment") String url) {
    }

    @Operation(summary = "Make a share code for a spec", description = "The code is the canonical-minimal spec, "
            + "deflated and base64url-encoded, with the prefix '1.'. Invalid specs are refused (400).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "worked example", value = WORKED_EXAMPLE)))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping("/share")
    public ShareResponse share(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        checkJson(req);
        String code = service.shareCode(service.parseSpec(body));
        String url = publicUrl.base(req) + "/playground?s=" + code; // a share code is URL-safe as it is
        return new ShareResponse(code, url);
    }

    @Operation(summary = "The spec of a share code", description = "Returns the canonical-minimal spec; "
            + "400 with a plain explanation for damaged, truncated or foreign codes.")
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping("/share/{code}")
    public Map<String, Object> unshare(@PathVariable("code") String code) {
        return service.open(code).minimal();
    }

    /** Anything else under /api is a JSON 404, never the Vaadin app. */
    @Operation(hidden = true)
    @RequestMapping("/**")
    public ResponseEntity<ApiError> unknown(HttpServletRequest req) {
        return ApiExceptionHandler.error(HttpStatus.NOT_FOUND, new ApiError("no such endpoint: " + req.getMethod() + " "
                + req.getRequestURI(), null, List.of("POST /api/simulate", "POST /api/analyze", "POST /api/export/pytorch",
                "GET /api/presets", "GET /api/presets/{id}", "POST /api/share", "GET /api/share/{code}", "POST /api/links",
                "GET /api/links/{id}", "POST /api/sweep", "POST /api/lr-range")));
    }

    static void checkJson(HttpServletRequest req) {
        String ct = req.getContentType();
        if (ct == null) {
            return; // no Content-Type: read the body as JSON
        }
        MediaType mt;
        try {
            mt = MediaType.parseMediaType(ct);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, was '" + ct + "'",
                    null, List.of(MediaType.APPLICATION_JSON_VALUE));
        }
        // no wildcards: '*/*' is "compatible" with JSON but says nothing about the body
        boolean ok = "application".equals(mt.getType()) && !mt.isWildcardSubtype()
                && ("json".equals(mt.getSubtype()) || mt.getSubtype().endsWith("+json"));
        if (!ok) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, was '" + ct + "'",
                    null, List.of(MediaType.APPLICATION_JSON_VALUE));
        }
    }

    /**
     * The JSON text as UTF-8 bytes, encoded once: a String body would be encoded twice by Spring
     * (once to compute Content-Length), which for a 9 MB result costs more than the simulation.
     */
    private static ResponseEntity<byte[]> json(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).contentLength(bytes.length).body(bytes);
    }
}
