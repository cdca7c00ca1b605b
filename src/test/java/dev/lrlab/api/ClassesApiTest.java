package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/classes on the app's Spring context (its own in-memory database). */
@SpringBootTest(properties = {"lrlab.classes.guesses-per-minute=3", "lrlab.classes.max-members=3"})
@AutoConfigureMockMvc
class ClassesApiTest {
    static final String SPEC = "{\"version\": 1, \"landscape\": {\"type\": \"quadratic\", \"eigenvalues\": [1, 10]},"
            + " \"runs\": [{\"start\": [-4, 2], \"steps\": 100, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}]}";

    @Autowired
    MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();

    static MockHttpServletRequestBuilder postJson(String url, String body, String auth) {
        MockHttpServletRequestBuilder b = post(url).contentType(MediaType.APPLICATION_JSON).content(body);
        return auth == null ? b : b.header("Authorization", "Bearer " + auth);
    }

    JsonNode created() throws Exception {
        return json.readTree(mvc.perform(post("/api/classes")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void anInstructorPushesLocksAndSetsThePaceWithTheSecretOnly() throws Exception {
        JsonNode c = created();
        String code = c.get("code").asText();
        String secret = c.get("secret").asText();
        assertThat(c.get("instructorUrl").asText()).isEqualTo("http://localhost/class/teach/" + code + "?k=" + secret);
        String push = "{\"spec\": " + SPEC + "}";
        mvc.perform(postJson("/api/classes/" + code + "/push", push, null)).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(postJson("/api/classes/" + code + "/push", push, secret + "x")).andExpect(status().isForbidden());
        mvc.perform(postJson("/api/classes/" + code + "/push", push, secret)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(postJson("/api/classes/" + code + "/locks", "{\"editable\": [\"runs[0].optimizer.momentum\"]}", secret))
                .andExpect(status().isOk());
        mvc.perform(postJson("/api/classes/" + code + "/phase", "{\"phase\": \"running\"}", secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));
        mvc.perform(postJson("/api/classes/" + code + "/phase", "{\"phase\": \"later\"}", secret))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phase"));
        mvc.perform(get("/api/classes/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("running"))
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.spec.runs[0].optimizer.lr").value(0.1))
                .andExpect(jsonPath("$.locks.editable[0]").value("runs[0].optimizer.momentum"));
    }

    @Test
    void aStudentJoinsAndALockedLrIsRefusedNamingTheField() throws Exception {
        JsonNode c = created();
        String code = c.get("code").asText();
        String secret = c.get("secret").asText();
        mvc.perform(postJson("/api/classes/" + code + "/push", "{\"spec\": " + SPEC + "}", secret));
        JsonNode seat = json.readTree(mvc.perform(postJson("/api/classes/" + code + "/members", "{\"name\": \"Ada\"}", null))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        int id = seat.get("memberId").asInt();
        String token = seat.get("seatToken").asText();
        String changed = "{\"spec\": " + SPEC.replace("\"lr\": 0.1", "\"lr\": 0.3") + "}";
        mvc.perform(postJson("/api/classes/" + code + "/members/" + id + "/submissions", changed, null)
                        .header("X-Seat-Token", token))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.field").value("runs[0].optimizer.lr"))
                .andExpect(jsonPath("$.error").value("runs[0].optimizer.lr is locked by the instructor"));
        JsonNode run = json.readTree(mvc.perform(postJson("/api/classes/" + code + "/members/" + id + "/submissions",
                        "{\"spec\": " + SPEC + "}", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(run.get("divergedAt").isNull()).isTrue();
        assertThat(run.get("finalLoss").asDouble()).isCloseTo(8 * Math.pow(0.9, 200), org.assertj.core.api.Assertions.within(1e-15));
        mvc.perform(postJson("/api/classes/" + code + "/members/" + id + "/submissions", "{\"spec\": " + SPEC + "}", "bad"))
                .andExpect(status().isForbidden());

        String csv = mvc.perform(get("/api/classes/" + code + "/results").header("Authorization", "Bearer " + secret)
                        .accept("text/csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("alias,final_loss,diverged_at,prediction\nOtter,5.644063287e-09,,\n");
        mvc.perform(get("/api/classes/" + code + "/results").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[0].alias").value("Otter"));
        mvc.perform(get("/api/classes/" + code + "/results")).andExpect(status().isUnauthorized());
    }

    @Test
    void anonymizedStateShowsAliasesAndAFullClassSaysSo() throws Exception {
        JsonNode c = created();
        String code = c.get("code").asText();
        String secret = c.get("secret").asText();
        for (String n : new String[]{"Ada", "Bob", "Cy"}) {
            mvc.perform(postJson("/api/classes/" + code + "/members", "{\"name\": \"" + n + "\"}", null))
                    .andExpect(status().isCreated());
        }
        mvc.perform(postJson("/api/classes/" + code + "/members", "{\"name\": \"Dee\"}", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("class " + code + " is full: it holds at most 3 students"));
        mvc.perform(postJson("/api/classes/" + code + "/anonymize", "{\"on\": true}", secret)).andExpect(status().isOk());
        String state = mvc.perform(get("/api/classes/" + code)).andReturn().getResponse().getContentAsString();
        assertThat(state).contains("Otter", "Heron", "Lynx").doesNotContain("Ada").doesNotContain("Bob");
    }

    @Test
    void unknownCodesAre404AndGuessingIsLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/classes/ZZZZZZ").with(r -> {
                r.setRemoteAddr("10.9.9.9");
                return r;
            })).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/classes/ZZZZZZ").with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        })).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }
}
