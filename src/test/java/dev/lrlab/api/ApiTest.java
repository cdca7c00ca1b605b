package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.presets.PresetCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The REST API on a real server (random port, so the Vaadin servlet is in place too) and through
 * MockMvc. One Spring context for all API tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a work cap far above the default, so one spec can still run into the 3 s time limit
        properties = {"lrlab.limits.max-steps-per-run=50000", "lrlab.api.timeout-ms=3000",
                "lrlab.limits.max-total-work=1e11"})
@AutoConfigureMockMvc
class ApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ExperimentService service;

    final ObjectMapper json = new ObjectMapper();

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static String spec(String runs) {
        return "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},\"runs\":[" + runs + "]}";
    }

    @Test
    void simulateWorkedExampleOverRealHttp() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.postForEntity("/api/simulate", new HttpEntity<>(ApiController.WORKED_EXAMPLE, h),
                String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode run = json.readTree(r.getBody()).get("runs").get(0);
        double[] theta = new double[5];
        for (int i = 0; i < 5; i++) {
            theta[i] = run.get("theta").get(i).get(0).asDouble();
        }
        assertThat(theta).containsExactly(new double[]{2, 1.6, 1.28, 1.024, 0.8192},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("lr").get(0).asDouble()).isEqualTo(0.1);
        // unknown /api paths are JSON 404s, not the Vaadin app
        ResponseEntity<String> nf = http.getForEntity("/api/nope", String.class);
        assertThat(nf.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(nf.getBody()).get("error").asText()).contains("no such endpoint");
        // the OpenAPI description
        ResponseEntity<String> docs = http.getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.getBody()).get("paths");
        assertThat(paths.has("/api/simulate")).isTrue();
        assertThat(paths.has("/api/share/{code}")).isTrue();
        assertThat(docs.getBody()).contains("worked example");
    }

    @Test
    void divergedRunStopsBeforeNonFiniteValues() throws Exception {
        postJson("/api/simulate", spec("{\"start\":[2],\"steps\":5000,\"optimizer\":{\"type\":\"sgd\",\"lr\":1.5}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.runs[0].status").value("diverged"))
                .andExpect(jsonPath("$.runs[0].divergedAtStep").isNumber());
    }

    @Test
    void analyzeGivesThePreviewWithoutRunning() throws Exception {
        postJson("/api/analyze", ApiController.TWO_RUNS)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dim").value(2))
                .andExpect(jsonPath("$.runs.length()").value(2))
                .andExpect(jsonPath("$.runs[0].preview.hessian.lambdaMax").value(10.0))
                .andExpect(jsonPath("$.runs[0].preview.hessian.stableLr").value(0.2))
                .andExpect(jsonPath("$.runs[1].preview.lrTimesLambdaMax").value(2.1))
                .andExpect(jsonPath("$.runs[0].steps").value(200))
                .andExpect(jsonPath("$.spec.runs[0].optimizer.momentum").value(0.0));
    }

    record Bad(String name, String body, String field, String errorContains, String allowedContains) {
    }

    @Test
    void badSpecsAre400WithFieldAndAllowed() throws Exception {
        List<Bad> bad = List.of(
                new Bad("unknown optimizer", spec("{\"optimizer\":{\"type\":\"sgdd\"}}"),
                        "runs[0].optimizer.type", "unknown value 'sgdd'", "adam"),
                new Bad("beta1 out of range", spec("{\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}"),
                        "runs[0].optimizer.beta1", "must be ≥ 0 and < 1", null),
                new Bad("steps over the configured cap", spec("{\"steps\":50001,\"optimizer\":{\"type\":\"sgd\"}}"),
                        "runs[0].steps", "at most 50000 steps", null),
                new Bad("unknown field", spec("{\"optimiser\":{\"type\":\"sgd\"}}"),
                        "runs[0].optimiser", "unknown field", "optimizer"),
                new Bad("unknown landscape", "{\"landscape\":{\"type\":\"moon\"},\"runs\":[{\"optimizer\":{\"type\":\"sgd\"}}]}",
                        "landscape.type", "unknown value 'moon'", "rosenbrock"),
                new Bad("too many runs", spec(String.join(",", java.util.Collections.nCopies(9,
                        "{\"optimizer\":{\"type\":\"sgd\"}}"))), "runs", "at most 8 runs", null),
                new Bad("malformed JSON", "{\"landscape\": {\"type\": \"quadratic\",,}", "line 1, column 36",
                        "malformed JSON", null),
                new Bad("not an object", "[1, 2]", null, "must be a JSON object", null),
                new Bad("empty body", "", null, "empty", null));
        for (Bad b : bad) {
            String body = postJson("/api/simulate", b.body).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode e = json.readTree(body);
            assertThat(e.get("error").asText()).as(b.name).contains(b.errorContains);
            if (b.field == null) {
                assertThat(e.get("field").isNull()).as(b.name).isTrue();
            } else {
                assertThat(e.get("field").asText()).as(b.name).isEqualTo(b.field);
            }
            if (b.allowedContains != null) {
                assertThat(e.get("allowed").toString()).as(b.name).contains("\"" + b.allowedContains + "\"");
            }
        }
        // wrong content type
        mvc.perform(post("/api/simulate").contentType(MediaType.TEXT_PLAIN).content(ApiController.WORKED_EXAMPLE))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("Content-Type")))
                .andExpect(jsonPath("$.allowed[0]").value("application/json"));
    }

    @Test
    void timeoutIs422AndTheWorkStops() throws Exception {
        // 8 runs × 50,000 steps on a 5000-dim quadratic: far more than 3 s of work
        String runs = String.join(",", java.util.Collections.nCopies(8,
                "{\"steps\":50000,\"optimizer\":{\"type\":\"adam\",\"lr\":0.001}}"));
        String body = "{\"landscape\":{\"type\":\"rastrigin\",\"dim\":500},\"runs\":[" + runs + "]}";
        long t0 = System.nanoTime();
        postJson("/api/simulate", body).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("time limit of 3000 ms")));
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(6000);
    }

    @Test
    void presetsListGetAnd404() throws Exception {
        int n = PresetCatalog.standard().all().size();
        String first = PresetCatalog.standard().all().get(0).id();
        mvc.perform(get("/api/presets")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(n))
                .andExpect(jsonPath("$[0].id").value(first))
                .andExpect(jsonPath("$[0].title.en").isString())
                .andExpect(jsonPath("$[0].question.zh").isString())
                .andExpect(jsonPath("$[0].spec").doesNotExist());
        mvc.perform(get("/api/presets/" + first)).andExpect(status().isOk())
                .andExpect(jsonPath("$.spec.runs").isArray())
                .andExpect(jsonPath("$.formula.en").isString())
                .andExpect(jsonPath("$.formula.zh").isString());
        mvc.perform(get("/api/presets/no-such-preset")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.allowed[0]").value(first));
    }

    @Test
    void shareRoundTrip() throws Exception {
        String body = postJson("/api/share", ApiController.TWO_RUNS).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(body);
        String code = r.get("code").asText();
        assertThat(code).startsWith("1.").matches("[0-9A-Za-z._-]+");
        assertThat(r.get("url").asText()).endsWith("/playground?s=" + code);
        String spec = mvc.perform(get("/api/share/" + code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = json.readValue(spec, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> original = json.readValue(ApiController.TWO_RUNS, Map.class);
        assertThat(service.compile(decoded).canonical()).isEqualTo(service.compile(original).canonical());
        mvc.perform(get("/api/share/1.AAAA")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("code"));
        mvc.perform(get("/api/share/2.abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("version")));
        postJson("/api/share", spec("{\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("runs[0].optimizer.beta1"));
    }

    @Test
    void exportsAPytorchScript() throws Exception {
        postJson("/api/export/pytorch", ApiController.TWO_RUNS).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/x-python"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", "attachment; filename=\"lrlab_experiment.py\""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("torch.optim.SGD(")));
        postJson("/api/export/pytorch", spec("{\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("runs[0].optimizer.beta1"));
    }
}
