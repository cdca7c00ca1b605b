package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code lrlab.public-url} set, every link the API hands out starts with it, whatever the Host header says. */
@SpringBootTest(properties = "lrlab.public-url=https://lrlab.example/")
@AutoConfigureMockMvc
class PublicUrlApiTest {
    @Autowired
    MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void joinInstructorShortAndShareLinksUseThePublicUrl() throws Exception {
        JsonNode c = json.readTree(mvc.perform(post("/api/classes").header("Host", "attacker.example"))
                .andReturn().getResponse().getContentAsString());
        String code = c.get("code").asText();
        assertThat(c.get("joinUrl").asText()).isEqualTo("https://lrlab.example/join?code=" + code);
        assertThat(c.get("instructorUrl").asText())
                .isEqualTo("https://lrlab.example/class/teach/" + code + "?k=" + c.get("secret").asText());
        JsonNode link = json.readTree(mvc.perform(post("/api/links").header("Host", "attacker.example")
                        .contentType(MediaType.APPLICATION_JSON).content(ClassesApiTest.SPEC))
                .andReturn().getResponse().getContentAsString());
        assertThat(link.get("url").asText()).isEqualTo("https://lrlab.example/l/" + link.get("id").asText());
        JsonNode share = json.readTree(mvc.perform(post("/api/share").header("Host", "attacker.example")
                        .contentType(MediaType.APPLICATION_JSON).content(ClassesApiTest.SPEC))
                .andReturn().getResponse().getContentAsString());
        assertThat(share.get("url").asText()).isEqualTo("https://lrlab.example/playground?s=" + share.get("code").asText());
    }
}
