package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.experiment.ExperimentService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST/GET /api/links on the app's Spring context (its own in-memory database, see test config). */
@SpringBootTest(properties = {"lrlab.links.rate-per-minute=5", "lrlab.links.max-spec-bytes=2000"})
@AutoConfigureMockMvc
class LinksApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ExperimentService experiments;

    final ObjectMapper json = new ObjectMapper();

    static MockHttpServletRequestBuilder create(String body, String client) {
        return post("/api/links").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                });
    }

    @Test
    void createThenGetGivesTheMinimalSpecOfTheSameExperiment() throws Exception {
        String body = ApiController.WORKED_EXAMPLE;
        String first = mvc.perform(create(body, "10.1.0.1")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(first);
        String id = created.get("id").asText();
        assertThat(id).matches("[0-9A-Za-z]{10}");
        assertThat(created.get("url").asText()).isEqualTo("http://localhost/l/" + id);
        // the same spec again, written with a default spelled out: the same id, 200 (nothing new stored)
        String again = body.replace("\"lr\": 0.1}", "\"lr\": 0.1, \"momentum\": 0}");
        mvc.perform(create(again, "10.1.0.1")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));

        String spec = mvc.perform(get("/api/links/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = json.readValue(spec, Map.class);
        assertThat(back).doesNotContainKey("version");
        @SuppressWarnings("unchecked")
        Map<String, Object> original = json.readValue(body, Map.class);
        assertThat(experiments.compile(back).canonical()).isEqualTo(experiments.compile(original).canonical());
        double[][] theta = experiments.simulate(back).runs().get(0).theta();
        assertThat(theta[4]).containsExactly(experiments.simulate(original).runs().get(0).theta()[4]);
        assertThat(theta[4][0]).isEqualTo(0.8192, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void thePreviewIsA1200x630PngOfTheLandscapeAndTrajectories() throws Exception {
        String id = json.readTree(mvc.perform(create(ApiController.TWO_RUNS, "10.1.0.4"))
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        byte[] png = mvc.perform(get("/api/links/" + id + "/preview.png")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")))
                .andReturn().getResponse().getContentAsByteArray();
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(630);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < 1200; x += 7) {
            for (int y = 0; y < 560; y += 7) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(colours.size()).as("a colour field, not a blank picture").isGreaterThan(50);
        mvc.perform(get("/api/links/ZZZZZZZZZZ/preview.png")).andExpect(status().isNotFound());
    }

    @Test
    void unknownIdsAreJson404s() throws Exception {
        mvc.perform(get("/api/links/ZZZZZZZZZZ")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no short link with id 'ZZZZZZZZZZ'"))
                .andExpect(jsonPath("$.field").value("id"));
        mvc.perform(get("/api/links/x")).andExpect(status().isNotFound());
    }

    @Test
    void invalidSpecsGetTheFieldPathAsForSimulate() throws Exception {
        mvc.perform(create("{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"optimizer\":{\"type\":\"adam\","
                        + "\"beta1\":1.5}}]}", "10.1.0.2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("runs[0].optimizer.beta1"))
                .andExpect(jsonPath("$.error").value("must be ≥ 0 and < 1, was 1.5"));
        mvc.perform(create("{\"landscape\":", "10.1.0.2")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("malformed JSON")));
        mvc.perform(post("/api/links").contentType(MediaType.TEXT_PLAIN).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void bodiesOverTheCapAre413NamingIt() throws Exception {
        String big = "{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"label\":\"" + "x".repeat(3000)
                + "\",\"optimizer\":{\"type\":\"sgd\"}}]}";
        mvc.perform(create(big, "10.1.0.3")).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.field").value("lrlab.links.max-spec-bytes"))
                .andExpect(jsonPath("$.allowed[0]").value("2000"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("at most 2000 bytes")));
    }

    @Test
    void theSixthCreationInAMinuteIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(create(ApiController.WORKED_EXAMPLE.replace("0.1}", "0.0" + (i + 1) + "}"), "10.1.0.9"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(create(ApiController.WORKED_EXAMPLE, "10.1.0.9"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "12"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("at most 5 per minute")));
        // reading links is not limited, and other clients are not affected
        mvc.perform(get("/api/links/ZZZZZZZZZZ")).andExpect(status().isNotFound());
        mvc.perform(create(ApiController.WORKED_EXAMPLE, "10.1.0.10")).andExpect(status().is2xxSuccessful());
    }
}
