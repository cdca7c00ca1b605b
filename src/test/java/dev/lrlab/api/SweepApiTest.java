package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lrlab.experiment.ExperimentService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/sweep, /api/lr-range and comparisons on /api/simulate (same context as {@link ApiTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lrlab.limits.max-steps-per-run=50000", "lrlab.api.timeout-ms=3000"})
@AutoConfigureMockMvc
class SweepApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ExperimentService service;

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static final String QUAD = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[10]},"
            + "\"runs\":[{\"start\":[1],\"steps\":1000,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.5}}]}";

    @Test
    void lrSweepAnswersPointsInGridOrderWithTheEdges() throws Exception {
        postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                + "\"values\":[0.1,0.29,0.31]},{\"path\":\"runs[0].optimizer.momentum\",\"values\":[0,0.5]}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.analysis[0].stableLr").value(0.2))
                .andExpect(jsonPath("$.analysis[0].heavyBallStableLr").value(0.3)) // 2(1 + 0.5)/10
                .andExpect(jsonPath("$.points.length()").value(6))
                .andExpect(jsonPath("$.points[0].values[0]").value(0.1))
                .andExpect(jsonPath("$.points[0].values[1]").value(0.0))
                .andExpect(jsonPath("$.points[1].values[1]").value(0.5))
                // β = 0: 0.29 and 0.31 are both past 2/λ; β = 0.5: 0.29 < 0.3 < 0.31
                .andExpect(jsonPath("$.points[2].status").value("diverged"))
                .andExpect(jsonPath("$.points[3].status").value("completed"))
                .andExpect(jsonPath("$.points[5].status").value("diverged"))
                .andExpect(jsonPath("$.points[3].divergedAtStep").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.points[3].runs").doesNotExist());
    }

    @Test
    void sweepErrorsNameTheField() throws Exception {
        postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.beta1\","
                + "\"values\":[0.9]}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parameters[0].path"))
                .andExpect(jsonPath("$.allowed", Matchers.hasItem("momentum")));
        postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                + "\"logRange\":{\"from\":1e-3,\"to\":1,\"count\":0}}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parameters[0].logRange.count"));
        postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                + "\"values\":[0.1,-1]}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("spec.runs[0].optimizer.lr"))
                .andExpect(jsonPath("$.error", Matchers.startsWith("parameters[0].values[1] = -1")));
        postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                + "\"linRange\":{\"from\":0.01,\"to\":0.1,\"count\":200}},{\"path\":\"runs[0].seed\","
                + "\"linRange\":{\"from\":0,\"to\":99,\"count\":100}}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("parameters"))
                .andExpect(jsonPath("$.error", Matchers.containsString("10000 grid points")));
        postJson("/api/sweep", "{\"spec\":" + QUAD.replace("1000,", "50000,") + ",\"parameters\":[{\"path\":"
                + "\"runs[0].optimizer.lr\",\"linRange\":{\"from\":0.01,\"to\":0.1,\"count\":5000}}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("parameters"))
                .andExpect(jsonPath("$.error", Matchers.containsString("grid points × steps × dimensions")));
    }

    @Test
    void lrRangeTestSuggestsAndExplains() throws Exception {
        postJson("/api/lr-range", SweepController.LR_RANGE).andExpect(status().isOk())
                .andExpect(jsonPath("$.lr.length()", Matchers.greaterThan(10)))
                .andExpect(jsonPath("$.suggestion.rule").value("steepest descent of the smoothed loss"))
                .andExpect(jsonPath("$.stoppedAtStep", Matchers.lessThan(100)))
                .andExpect(r -> assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.getResponse().getContentAsString()).path("suggestion").path("lr").asDouble())
                        .isBetween(0.01, 0.2)); // 1/λ = 0.1
        postJson("/api/lr-range", "{\"spec\":" + QUAD + ",\"startLr\":1,\"endLr\":0.1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("endLr"));
        postJson("/api/lr-range", "{\"spec\":" + QUAD + ",\"run\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("run"));
    }

    @Test
    void simulateAcceptsAComparison() throws Exception {
        String a = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},\"runs\":[{\"start\":[2],\"steps\":4,"
                + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";
        postJson("/api/simulate", "{\"version\":1,\"panels\":[" + a + "," + a.replace("0.1", "0.5") + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.panels.length()").value(2))
                .andExpect(jsonPath("$.panels[0].runs[0].theta[1][0]").value(1.6))
                .andExpect(jsonPath("$.panels[1].runs[0].theta[1][0]").value(0.0))
                .andExpect(jsonPath("$.differences[1][0].path").value("runs[0].optimizer.lr"))
                .andExpect(jsonPath("$.metrics[1].stepsToTolerance").value(1));
        postJson("/api/simulate", "{\"panels\":[" + a + ",{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{"
                + "\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}]}]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("panels[1].runs[0].optimizer.beta1"));
    }

    @Test
    void busySweepIs503WithRetryAfter() throws Exception {
        int slots = service.maxConcurrent();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> holders = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(slots);
        for (int i = 0; i < slots; i++) {
            Thread t = new Thread(() -> service.bounded(() -> {
                taken.countDown();
                hold.await();
                return null;
            }));
            t.start();
            holders.add(t);
        }
        taken.await();
        try {
            postJson("/api/sweep", "{\"spec\":" + QUAD + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                    + "\"values\":[0.1]}]}").andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"));
        } finally {
            hold.countDown();
            for (Thread t : holders) {
                t.join();
            }
        }
        assertThat(service.maxConcurrent()).isPositive();
    }
}
