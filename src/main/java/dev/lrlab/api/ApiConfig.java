package dev.lrlab.api;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LrLabJson;
import com.fasterxml.jackson.databind.Module;
import dev.lrlab.experiment.WorkQueue;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.spec.Limits;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the REST API. Caps ({@code lrlab.limits.*}) default to {@link Limits#DEFAULT};
 * {@code lrlab.api.max-concurrent} (default 2 × cores) simulations run at once, up to
 * {@code lrlab.api.queue-size} (64) more wait at most {@code lrlab.api.max-wait-ms} (5000) for a
 * slot, each runs for at most {@code lrlab.api.timeout-ms} (default 10000).
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfig {

    @Bean
    public Limits limits(@Value("${lrlab.limits.max-steps-per-run:100000}") int maxSteps,
                         @Value("${lrlab.limits.max-dim:10000}") int maxDim,
                         @Value("${lrlab.limits.max-runs:8}") int maxRuns,
                         @Value("${lrlab.limits.max-total-work:4e9}") double maxWork,
                         @Value("${lrlab.limits.max-data-values:2000000}") long maxData,
                         @Value("${lrlab.limits.max-nesting:8}") int maxNesting,
                         @Value("${lrlab.limits.max-power-iterations:1000}") int maxPowerIterations,
                         @Value("${lrlab.limits.max-dense-dim:1000}") int maxDenseDim) {
        return new Limits(maxSteps, maxDim, maxRuns, maxWork, maxData, maxNesting, maxPowerIterations, maxDenseDim);
    }

    @Bean(destroyMethod = "close")
    public ExperimentService experimentService(Limits limits,
                                               @Value("${lrlab.api.max-concurrent:0}") int maxConcurrent,
                                               @Value("${lrlab.api.queue-size:64}") int queueSize,
                                               @Value("${lrlab.api.max-wait-ms:5000}") long maxWaitMs,
                                               @Value("${lrlab.api.timeout-ms:10000}") long timeoutMs) {
        int n = maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        return new ExperimentService(limits, new WorkQueue("api-sim", n, queueSize, maxWaitMs, timeoutMs));
    }

    /** Sweeps on the same bounded pool; at most {@code lrlab.limits.max-sweep-points} grid points. */
    @Bean
    public Sweeps sweeps(ExperimentService service,
                         @Value("${lrlab.limits.max-sweep-points:" + Sweeps.DEFAULT_MAX_POINTS + "}") int maxPoints) {
        return new Sweeps(service, maxPoints);
    }

    @Bean
    public PresetCatalog presetCatalog() {
        return PresetCatalog.standard();
    }

    /** Spring's ObjectMapper picks this up: non-finite doubles are written as null. */
    @Bean
    public Module lrlabNonFiniteAsNull() {
        return LrLabJson.nonFiniteAsNull();
    }

    @Bean
    public OpenAPI lrlabOpenApi() {
        return new OpenAPI().info(new Info().title("LR Lab API").version("1")
                .description("Simulate optimizers, learning-rate schedules and loss landscapes from one JSON "
                        + "experiment spec (see README, 'The experiment spec'). Errors are "
                        + "{\"error\", \"field\", \"allowed\"} with status 400 (bad spec or body), 404 (unknown "
                        + "preset or endpoint), 408 (body too slow), 413 (body too large), 415 (not JSON), 422 (stopped at the time limit) or 503 (busy, with a Retry-After header in seconds)."));
    }
}
