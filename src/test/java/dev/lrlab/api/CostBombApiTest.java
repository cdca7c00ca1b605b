package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.WorkCost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Cost bombs (issue 17): specs a few hundred bytes long whose work is huge. Each one just over a cap
 * is refused with 400 naming the field before any work (in under 100 ms); each one just under it
 * finishes or is stopped at the time limit, and the server's CPU time for it stays within the time
 * limit plus a margin (the work does not go on after the answer).
 */
@SpringBootTest(properties = {"lrlab.api.timeout-ms=2000", "lrlab.api.max-concurrent=2",
        "lrlab.links.rate-per-minute=1000"})
@AutoConfigureMockMvc
@Timeout(100)
class CostBombApiTest {
    static final long TIMEOUT_MS = 2000;
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    /** A bomb: the spec for a size knob k, the field an over-the-cap spec must name. */
    record Bomb(String name, IntFunction<String> spec, String field) {
    }

    static final List<Bomb> BOMBS = List.of(
            // the curvature schedule's power iterations on every step (the 31.9 CPU-second bomb)
            new Bomb("curvature", k -> """
                    {"landscape":{"type":"rosenbrock"},"runs":[{"steps":%d,"optimizer":{"type":"sgd","lr":0.001},
                     "schedule":{"type":"curvature","powerIterations":1000}}]}""".formatted(k),
                    "runs[0].schedule.powerIterations"),
            // full-batch gradients over 200 × 10,000 data values
            new Bomb("wide data", k -> """
                    {"landscape":{"type":"linearRegression","n":200,"features":10000},
                     "runs":[{"steps":%d,"optimizer":{"type":"sgd","lr":0.01}}]}""".formatted(k), "runs[0].steps"),
            // minibatches of a million rows
            new Bomb("minibatch", k -> """
                    {"landscape":{"type":"linearRegression","n":1000000,"features":2},
                     "runs":[{"steps":%d,"optimizer":{"type":"sgd","lr":0.01},
                              "noise":{"type":"minibatch","batchSize":1000000}}]}""".formatted(k),
                    "runs[0].noise.batchSize"),
            // dense normal equations (256² per row of 7812) and 256-dim eigen-decompositions
            new Bomb("dense data", k -> """
                    {"landscape":{"type":"linearRegression","n":7812,"features":256},
                     "runs":[{"steps":%d,"optimizer":{"type":"adam","lr":0.01}}]}""".formatted(k), "runs[0].steps"));

    @SuppressWarnings("unchecked")
    static double cost(String spec) throws Exception {
        ExperimentCompiler relaxed = new ExperimentCompiler(new Limits(100_000, 10_000, 8, 1e300, 2_000_000));
        return WorkCost.of(relaxed.compile(JSON.readValue(spec, Map.class))).total();
    }

    /** The largest knob whose spec costs at most the default cap. */
    static int largestUnderCap(Bomb b) throws Exception {
        int lo = 1;
        int hi = 100_000;
        if (cost(b.spec().apply(hi)) <= Limits.DEFAULT_MAX_TOTAL_WORK) {
            return hi;
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cost(b.spec().apply(mid)) <= Limits.DEFAULT_MAX_TOTAL_WORK) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    MockHttpServletResponse post(String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    /** CPU time of the API's pool threads (every request's work runs there). */
    static long poolCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("api-sim-")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    @Test
    void justOverACapIs400NamingTheFieldBeforeAnyWork() throws Exception {
        post("/api/simulate", ApiController.WORKED_EXAMPLE); // warm up the request path
        for (Bomb b : BOMBS) {
            int over = largestUnderCap(b) + 1;
            for (String path : List.of("/api/simulate", "/api/analyze")) {
                long cpu0 = poolCpuNanos();
                long t0 = System.nanoTime();
                MockHttpServletResponse r = post(path, b.spec().apply(over));
                double ms = (System.nanoTime() - t0) / 1e6;
                assertThat(r.getStatus()).as(b.name() + " " + path + ": " + r.getContentAsString()).isEqualTo(400);
                Map<?, ?> err = JSON.readValue(r.getContentAsString(), Map.class);
                assertThat(err.get("field")).as(b.name()).isEqualTo(b.field());
                assertThat((String) err.get("error")).contains("limit of 4.0·10^9");
                assertThat(ms).as(b.name() + " answered in ms").isLessThan(100);
                assertThat(poolCpuNanos() - cpu0).as("pool CPU for a refused spec").isZero();
            }
        }
        // power iterations have their own cap
        MockHttpServletResponse r = post("/api/simulate", BOMBS.get(0).spec().apply(10)
                .replace("\"powerIterations\":1000", "\"powerIterations\":1001"));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("\"field\":\"runs[0].schedule.powerIterations\"")
                .contains("at most 1000 power iterations");
    }

    @Test
    void justUnderACapFinishesOrStopsAtTheTimeLimitAndItsCpuStaysWithinIt() throws Exception {
        for (Bomb b : BOMBS) {
            String spec = b.spec().apply(largestUnderCap(b));
            long cpu0 = poolCpuNanos();
            long t0 = System.nanoTime();
            MockHttpServletResponse r = post("/api/simulate", spec);
            double ms = (System.nanoTime() - t0) / 1e6;
            assertThat(r.getStatus()).as(b.name() + ": " + r.getContentAsString().substring(0,
                    Math.min(300, r.getContentAsString().length()))).isIn(200, 422);
            assertThat(ms).as(b.name() + " wall ms").isLessThan(TIMEOUT_MS + 500);
            Thread.sleep(500); // work that went on after the answer would show here
            double cpuMs = (poolCpuNanos() - cpu0) / 1e6;
            assertThat(cpuMs).as(b.name() + " server CPU ms").isLessThan(TIMEOUT_MS + 500);
            long settled = poolCpuNanos();
            Thread.sleep(300);
            assertThat((poolCpuNanos() - settled) / 1e6).as(b.name() + " CPU ms well after the answer").isLessThan(20);
        }
    }

    @Test
    void theProbesOneHundredFortyThreeByteAnalyzeIsCheapNow() throws Exception {
        String bomb = "{\"landscape\":{\"type\":\"linearRegression\",\"n\":1,\"features\":10000},"
                + "\"runs\":[{\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";
        long cpu0 = poolCpuNanos();
        long t0 = System.nanoTime();
        MockHttpServletResponse r = post("/api/analyze", bomb);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1e6).as("wall ms").isLessThan(1500);
        assertThat((poolCpuNanos() - cpu0) / 1e6).as("server CPU ms").isLessThan(1500);
        assertThat(post("/api/simulate", bomb).getStatus()).isEqualTo(200);
    }

    @Test
    void simulateIsServedWhileFourExpensivePreviewsAreInFlight() throws Exception {
        String heavy = BOMBS.get(0).spec().apply(largestUnderCap(BOMBS.get(0)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String spec = heavy.replace("\"lr\":0.001", "\"lr\":0.00" + (i + 1) + "1");
            MockHttpServletResponse created = mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/links")
                            .contentType(MediaType.APPLICATION_JSON).content(spec).with(req -> {
                                req.setRemoteAddr("10.9.0." + ids.size());
                                return req;
                            })).andReturn().getResponse();
            assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
            ids.add((String) JSON.readValue(created.getContentAsString(), Map.class).get("id"));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/simulate", ApiController.TWO_RUNS).getStatus()).isEqualTo(200); // warm
        }
        ExecutorService crawlers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> previews = new ArrayList<>();
            for (String id : ids) {
                previews.add(crawlers.submit(() -> mvc.perform(get("/api/links/" + id + "/preview.png"))
                        .andReturn().getResponse().getStatus()));
            }
            Thread.sleep(150); // the previews are computing
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                MockHttpServletResponse r = post("/api/simulate", ApiController.TWO_RUNS);
                assertThat(r.getStatus()).as("simulate while previews run").isEqualTo(200);
                assertThat((System.nanoTime() - t0) / 1e6).as("simulate ms").isLessThan(1000);
            }
            for (Future<Integer> f : previews) {
                assertThat(f.get(TIMEOUT_MS * 4, TimeUnit.MILLISECONDS)).isIn(200, 422, 503);
            }
        } finally {
            crawlers.shutdownNow();
        }
    }

    @Test
    void sharesComparisonsSweepsAndRangeTestsAreChargedToo() throws Exception {
        Bomb wide = BOMBS.get(1);
        int under = largestUnderCap(wide);
        long cpu0 = poolCpuNanos();
        // a share code of an over-the-cap spec: refused like the spec itself
        MockHttpServletResponse r = post("/api/share", wide.spec().apply(under + 1));
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("\"field\":\"runs[0].steps\"");
        // two panels each under the cap, over it together: the comparison is one request
        String half = wide.spec().apply(under * 2 / 3);
        r = post("/api/simulate", "{\"panels\":[" + half + "," + half.replace("0.01", "0.02") + "]}");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        // the part with the most work: the panel's steps or its analysis (power iterations over the data)
        assertThat((String) JSON.readValue(r.getContentAsString(), Map.class).get("field"))
                .isIn("panels[0].runs[0].steps", "panels[0].landscape.features");
        assertThat(r.getContentAsString()).contains("this comparison needs about");
        // a sweep of ten points of a spec a third of the cap
        String third = wide.spec().apply(under / 3);
        r = post("/api/sweep", "{\"spec\":" + third + ",\"parameters\":[{\"path\":\"runs[0].optimizer.lr\","
                + "\"linRange\":{\"from\":0.001,\"to\":0.01,\"count\":10}}]}");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("\"field\":\"parameters\"");
        // a range test of many steps on wide data
        r = post("/api/lr-range", "{\"spec\":" + wide.spec().apply(10) + ",\"steps\":" + (2 * under + 10) + "}");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("\"field\":\"steps\"");
        assertThat(poolCpuNanos() - cpu0).as("pool CPU for the four refusals: none of their work was started")
                .isZero();
    }
}
