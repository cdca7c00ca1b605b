package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A short link outlives the server: created over HTTP on the packaged jar with the default H2 file
 * database in a fresh data directory, the process killed with kill -9 right after the answer, a new
 * process on the same data directory serves the identical spec.
 */
class LinkDurabilityIT {
    static final String SPEC = """
            {"landscape":{"type":"rosenbrock"},
             "runs":[{"label":"Adam","start":[-1.5,2],"steps":300,"seed":7,
                      "optimizer":{"type":"adam","lr":0.02},"schedule":{"type":"cosine","tMax":300}}]}""";
    final ObjectMapper json = new ObjectMapper();
    Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = Files.createTempDirectory("lrlab-durability-");
    }

    @AfterEach
    void clean() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aLinkSurvivesKillDashNineAndARestart() throws Exception {
        Path data = dir.resolve("data");
        String id;
        String stored;
        String simulated;
        try (AppProcess app = AppProcess.start(dir, Map.of(), "--lrlab.data-dir=" + data)) {
            HttpResponse<String> created = app.postJson("/api/links", SPEC);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode body = json.readTree(created.body());
            id = body.get("id").asText();
            assertThat(body.get("url").asText()).isEqualTo("http://127.0.0.1:" + app.port + "/l/" + id);
            // no pause: the answer must only come once the row is on disk
            app.kill();
            assertThat(data.resolve("lrlab.mv.db")).exists();
        }
        try (AppProcess again = AppProcess.start(dir, Map.of(), "--lrlab.data-dir=" + data)) {
            HttpResponse<String> got = again.get("/api/links/" + id);
            assertThat(got.statusCode()).as(again.tail()).isEqualTo(200);
            stored = got.body();
            simulated = again.postJson("/api/simulate", stored).body();
            // the same spec still gives the same id, without storing a second row
            assertThat(again.postJson("/api/links", SPEC).statusCode()).isEqualTo(200);
            // the link page answers (the Vaadin app; the browser test follows it into the playground)
            assertThat(again.get("/l/" + id).statusCode()).isEqualTo(200);
        }
        JsonNode spec = json.readTree(stored);
        assertThat(spec.get("runs").get(0).get("seed").asInt()).isEqualTo(7);
        assertThat(spec.get("runs").get(0).get("optimizer").get("lr").asDouble()).isEqualTo(0.02);
        JsonNode theta = json.readTree(simulated).get("runs").get(0).get("theta");
        assertThat(theta.size()).isEqualTo(301);
        assertThat(theta.get(0).get(0).asDouble()).isEqualTo(-1.5);
    }
}
