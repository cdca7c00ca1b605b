package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Short links on PostgreSQL: a throwaway cluster from Debian's {@code postgresql}, the packaged
 * app pointed at it through Heroku's {@code DATABASE_URL} (so that path is tested end to end),
 * Flyway creating the schema, a link created, the app killed with kill -9 and started again, the
 * link read back. Skipped with one loud line without PostgreSQL; required when {@code CI=true}.
 */
class PostgresLinksIT {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void linksLiveInPostgresAcrossAKillDashNine() throws Exception {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            String msg = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL link "
                    + "test is SKIPPED. Install it with `apt-get install postgresql`.";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg + " CI=true requires it.");
            }
            System.err.println("!!!!! " + msg);
            Assumptions.abort(msg);
        }
        Path dir = Files.createTempDirectory("lrlab-pg-app-");
        try (PostgresCluster pg = PostgresCluster.start(bin.get(), "lrlab")) {
            Map<String, String> env = Map.of("DATABASE_URL", "postgres://postgres:unused@127.0.0.1:" + pg.port + "/lrlab");
            String id;
            try (AppProcess app = AppProcess.start(dir, env)) {
                assertThat(app.tail()).contains("PostgreSQL");
                HttpResponse<String> created = app.postJson("/api/links", LinkDurabilityIT.SPEC);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                id = json.readTree(created.body()).get("id").asText();
                app.kill();
            }
            try (AppProcess again = AppProcess.start(dir, env)) {
                HttpResponse<String> got = again.get("/api/links/" + id);
                assertThat(got.statusCode()).as(again.tail()).isEqualTo(200);
                JsonNode spec = json.readTree(got.body());
                assertThat(spec.get("landscape").get("type").asText()).isEqualTo("rosenbrock");
                assertThat(spec.get("runs").get(0).get("seed").asInt()).isEqualTo(7);
                assertThat(again.postJson("/api/links", LinkDurabilityIT.SPEC).statusCode()).isEqualTo(200);
                assertThat(again.get("/api/links/ZZZZZZZZZZ").statusCode()).isEqualTo(404);
            }
            // the H2 default was not used: no data directory appeared
            assertThat(dir.resolve("data")).doesNotExist();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
