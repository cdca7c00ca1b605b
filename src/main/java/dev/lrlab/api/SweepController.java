package dev.lrlab.api;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.sweep.LrRangeTest;
import dev.lrlab.experiment.sweep.SweepResult;
import dev.lrlab.experiment.sweep.Sweeps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sweeps and the LR range test: many runs, one answer, on the same bounded pool as /api/simulate. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class SweepController {
    static final String LR_SWEEP = """
            {"spec": {"landscape": {"type": "quadratic", "eigenvalues": [1, 10]},
                      "runs": [{"start": [-4, 2], "steps": 200, "optimizer": {"type": "sgd", "lr": 0.1}}]},
             "parameters": [{"path": "runs[0].optimizer.lr", "logRange": {"from": 1e-3, "to": 1, "count": 50}}]}""";
    static final String LR_RANGE = """
            {"spec": {"landscape": {"type": "quadratic", "eigenvalues": [10]},
                      "runs": [{"start": [1], "optimizer": {"type": "sgd"}}]},
             "run": 0, "startLr": 1e-6, "endLr": 10, "steps": 100}""";

    private final ExperimentService service;
    private final Sweeps sweeps;
    private final LrRangeTest rangeTest;

    public SweepController(ExperimentService service, Sweeps sweeps) {
        this.service = service;
        this.sweeps = sweeps;
        this.rangeTest = new LrRangeTest(service);
    }

    @Operation(summary = "Sweep one or two spec fields", description = "The base spec at every point of the grid "
            + "(product of the parameters, first slowest); per point: status, divergedAtStep, finalLoss, bestLoss. "
            + "Plus λmax, 2/λmax and the heavy-ball edge 2(1+β)/λmax of the swept runs at their start.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "LR sweep across 2/λmax", value = LR_SWEEP)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SweepResult.class)))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping("/sweep")
    public ResponseEntity<byte[]> sweep(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        ApiController.checkJson(req);
        return json(service.write(sweeps.run(sweeps.parse(service.parseSpec(body)))));
    }

    @Operation(summary = "Learning-rate range test (fastai lr_find)", description = "One run with lr growing "
            + "geometrically from startLr to endLr over steps; loss per step, its smoothing (β = 0.98, bias-"
            + "corrected), the stop once smoothed > 4 × best, and the suggested lr (steepest descent of the "
            + "smoothed loss) and minimum/10.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"),
            examples = @ExampleObject(name = "quadratic λ = 10", value = LR_RANGE)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LrRangeTest.Result.class)))
    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping("/lr-range")
    public ResponseEntity<byte[]> lrRange(@RequestBody(required = false) byte[] body, HttpServletRequest req) {
        ApiController.checkJson(req);
        return json(service.write(rangeTest.run(rangeTest.parse(service.parseSpec(body)))));
    }

    private static ResponseEntity<byte[]> json(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).contentLength(bytes.length).body(bytes);
    }
}
