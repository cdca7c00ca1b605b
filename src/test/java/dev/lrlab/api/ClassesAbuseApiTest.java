package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a prober learns from /api/classes: an unknown code and a wrong secret (or seat token) answer
 * byte for byte alike on every instructor and seat endpoint and each costs a guess; classes and
 * seats are limited per network; names are measured in code points; a hostile Host header is never
 * echoed into a link.
 */
@SpringBootTest(properties = {"lrlab.classes.guesses-per-minute=5", "lrlab.classes.creates-per-hour=3",
        "lrlab.classes.joins-per-minute=4"})
@AutoConfigureMockMvc
class ClassesAbuseApiTest {
    static final String SPEC = ClassesApiTest.SPEC;

    @Autowired
    MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();

    /** Every endpoint that names a class and takes the instructor's secret, with a valid body. */
    static final Map<String, String> INSTRUCTOR = new LinkedHashMap<>();

    static {
        INSTRUCTOR.put("push", "{\"spec\": " + SPEC + "}");
        INSTRUCTOR.put("locks", "{\"editable\": []}");
        INSTRUCTOR.put("phase", "{\"phase\": \"running\"}");
        INSTRUCTOR.put("question", "{\"kind\": \"none\"}");
        INSTRUCTOR.put("sweep", "{}");
        INSTRUCTOR.put("anonymize", "{\"on\": true}");
        INSTRUCTOR.put("spotlight", "{\"memberId\": null}");
        INSTRUCTOR.put("results", null); // GET
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String address) {
        return b.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    static MockHttpServletRequestBuilder instructor(String code, String endpoint, String secret, String address) {
        String body = INSTRUCTOR.get(endpoint);
        MockHttpServletRequestBuilder b = body == null ? get("/api/classes/" + code + "/" + endpoint)
                : post("/api/classes/" + code + "/" + endpoint).contentType(MediaType.APPLICATION_JSON).content(body);
        return from(b.header("Authorization", "Bearer " + secret), address);
    }

    JsonNode created(String address) throws Exception {
        return json.readTree(mvc.perform(from(post("/api/classes"), address)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder b) throws Exception {
        return mvc.perform(b).andReturn().getResponse();
    }

    @Test
    void anUnknownCodeAndAWrongSecretAnswerAlikeOnEveryInstructorEndpointAndCountAsGuesses() throws Exception {
        JsonNode c = created("10.60.0.1");
        String code = c.get("code").asText();
        String secret = c.get("secret").asText();
        int i = 0;
        for (String endpoint : INSTRUCTOR.keySet()) {
            String prober = "10.61." + (i++) + ".1";
            MockHttpServletResponse unknown = send(instructor(unknownCode(code), endpoint, secret, prober));
            MockHttpServletResponse wrong = send(instructor(code, endpoint, secret + "x", prober));
            assertThat(wrong.getStatus()).as(endpoint).isEqualTo(403).isEqualTo(unknown.getStatus());
            assertThat(wrong.getContentAsString()).as(endpoint).isEqualTo(unknown.getContentAsString())
                    .isEqualTo("{\"error\":\"no class with this code and instructor secret\",\"field\":\"secret\","
                            + "\"allowed\":[]}");
            // without a secret nothing is looked up: 401 for both, and no guess spent
            MockHttpServletResponse bare = send(from(post("/api/classes/" + unknownCode(code) + "/phase")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"phase\": \"running\"}"), prober));
            MockHttpServletResponse bareReal = send(from(post("/api/classes/" + code + "/phase")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"phase\": \"running\"}"), prober));
            assertThat(bare.getStatus()).isEqualTo(401).isEqualTo(bareReal.getStatus());
            assertThat(bare.getContentAsString()).isEqualTo(bareReal.getContentAsString());
            // three more wrong guesses use up the five of this network: even the right secret is refused
            for (int k = 0; k < 3; k++) {
                assertThat(send(instructor(unknownCode(code), endpoint, secret, prober)).getStatus()).isEqualTo(403);
            }
            mvc.perform(instructor(code, endpoint, secret, prober)).andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"));
        }
        // the instructor's own network never guessed wrong: the class still answers it
        mvc.perform(instructor(code, "results", secret, "10.60.0.1")).andExpect(status().isOk());
    }

    @Test
    void aSubmissionToAnUnknownClassOrSeatAnswersLikeAWrongSeatTokenAndCounts() throws Exception {
        JsonNode c = created("10.62.0.1");
        String code = c.get("code").asText();
        mvc.perform(from(post("/api/classes/" + code + "/push").header("Authorization", "Bearer " + c.get("secret")
                .asText()).contentType(MediaType.APPLICATION_JSON).content("{\"spec\": " + SPEC + "}"), "10.62.0.1"));
        JsonNode seat = json.readTree(send(from(post("/api/classes/" + code + "/members")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Ada\"}"), "10.62.0.2"))
                .getContentAsString());
        String token = seat.get("seatToken").asText();
        String body = "{\"spec\": " + SPEC + "}";
        String prober = "10.63.0.1";
        MockHttpServletResponse wrongToken = send(submission(code, 1, token + "x", body, prober));
        MockHttpServletResponse unknownSeat = send(submission(code, 77, token, body, prober));
        MockHttpServletResponse unknownClass = send(submission(unknownCode(code), 1, token, body, prober));
        for (MockHttpServletResponse r : new MockHttpServletResponse[]{unknownSeat, unknownClass}) {
            assertThat(r.getStatus()).isEqualTo(403).isEqualTo(wrongToken.getStatus());
            assertThat(r.getContentAsString()).isEqualTo(wrongToken.getContentAsString());
        }
        send(submission(code, 1, token + "y", body, prober));
        send(submission(code, 1, token + "z", body, prober));
        mvc.perform(submission(code, 1, token, body, prober)).andExpect(status().isTooManyRequests());
        mvc.perform(submission(code, 1, token, body, "10.62.0.2")).andExpect(status().isOk());
    }

    static MockHttpServletRequestBuilder submission(String code, int member, String token, String body, String address) {
        return from(post("/api/classes/" + code + "/members/" + member + "/submissions").header("X-Seat-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(body), address);
    }

    @Test
    void classCreationAndJoinsAreLimitedPerNetworkWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            created("2001:db8:64:1::" + (i + 1));
        }
        mvc.perform(from(post("/api/classes"), "2001:db8:64:1::ff")).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1200"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("at most 3 per hour")));
        String code = created("10.64.0.1").get("code").asText();
        for (int i = 0; i < 4; i++) {
            mvc.perform(join(code, "", "10.65.0.1")).andExpect(status().isCreated());
        }
        mvc.perform(join(code, "", "10.65.0.1")).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "15"));
        mvc.perform(join(code, "", "10.65.0.2")).andExpect(status().isCreated());
    }

    static MockHttpServletRequestBuilder join(String code, String name, String address) {
        return from(post("/api/classes/" + code + "/members").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\"}"), address);
    }

    @Test
    void fortyEmojiJoinAndFortyOneAre400NamingTheField() throws Exception {
        String code = created("10.66.0.1").get("code").asText();
        mvc.perform(join(code, "🎓".repeat(40), "10.66.0.2")).andExpect(status().isCreated());
        mvc.perform(join(code, "🎓".repeat(41), "10.66.0.3")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("at most 40 characters")));
    }

    @Test
    void aHostileHostHeaderIsNeverEchoedIntoALink() throws Exception {
        JsonNode plain = json.readTree(send(from(post("/api/classes").header("Host", "lrlab.test:8443"), "10.67.0.1"))
                .getContentAsString());
        assertThat(plain.get("joinUrl").asText()).isEqualTo("http://lrlab.test:8443/join?code="
                + plain.get("code").asText());
        for (String host : new String[]{"evil.example\"><script>", "a@evil.example", "evil.example/x?"}) {
            JsonNode c = json.readTree(send(from(post("/api/classes").header("Host", host), "10.67.0." + host.length()))
                    .getContentAsString());
            assertThat(c.get("joinUrl").asText()).as(host).isEqualTo("/join?code=" + c.get("code").asText());
            assertThat(c.get("instructorUrl").asText()).startsWith("/class/teach/");
        }
    }

    /** A code that is not this one (and, with 31⁶ codes, no other class of this test either). */
    static String unknownCode(String code) {
        return code.startsWith("ZZZ") ? "YYYYYY" : "ZZZZZZ";
    }
}
