package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links saved by an earlier LR Lab (src/test/resources/links/saved-links.json: the stored row and
 * the trajectory it opened to) must keep opening identically: same bits of θ at the first steps
 * and at the end, same status, same length — through every spec migration added later. The ids
 * are pinned too: the same spec must keep getting the same link. Never regenerate this file; add
 * rows for new spec versions instead.
 */
class SavedLinksTest {

    @Test
    void savedLinksOpenToTheTrajectoriesTheyWereSavedWith() throws Exception {
        JsonNode saved;
        try (InputStream in = getClass().getResourceAsStream("/links/saved-links.json")) {
            saved = new ObjectMapper().readTree(in);
        }
        assertThat(saved.size()).isGreaterThanOrEqualTo(8);
        try (ExperimentService experiments = new ExperimentService(Limits.DEFAULT, 2, 120_000)) {
            LinkTestDb db = new LinkTestDb();
            LinkService links = db.service(experiments, 1000);
            for (JsonNode link : saved) {
                String id = link.get("id").asText();
                String json = link.get("specJson").asText();
                db.store.insert(new StoredLink(id, "experiment", json, LinkService.contentHash(new ObjectMapper().readValue(json, Map.class)),
                        link.get("specVersion").asInt(), "0.1.0", json.length(), Instant.parse("2025-01-01T00:00:00Z")));
                LinkService.Opened opened = links.open(id).orElseThrow();
                ExperimentResult r = experiments.simulate(opened.compiled());
                JsonNode runs = link.get("runs");
                assertThat(r.runs()).as(id).hasSize(runs.size());
                for (int i = 0; i < runs.size(); i++) {
                    RunResult run = r.runs().get(i);
                    JsonNode want = runs.get(i);
                    String what = link.get("preset").asText() + " run " + i;
                    assertThat(run.label()).as(what).isEqualTo(want.get("label").asText());
                    assertThat(run.status()).as(what).isEqualTo(want.get("status").asText());
                    assertThat(run.theta().length).as(what).isEqualTo(want.get("rows").asInt());
                    for (int row = 0; row < want.get("first").size(); row++) {
                        assertThat(run.theta()[row]).as(what + " step " + row)
                                .containsExactly(doubles(want.get("first").get(row)));
                    }
                    assertThat(run.theta()[run.theta().length - 1]).as(what + " last")
                            .containsExactly(doubles(want.get("last")));
                }
                // storing the opened experiment again finds the saved row: the id derivation is unchanged
                assertThat(links.store(opened.compiled()).id()).as(link.get("preset").asText()).isEqualTo(id);
            }
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
