package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Short links on a real (in-memory H2) database with the app's Flyway schema. */
class LinkServiceTest {
    static final ExperimentService EXPERIMENTS = new ExperimentService(Limits.DEFAULT, 2, 60_000);
    final LinkTestDb db = new LinkTestDb();
    final LinkService links = db.service(EXPERIMENTS, 1000);

    static final Map<String, Object> SGD = Map.of(
            "landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)),
            "runs", List.of(Map.of("start", List.of(-4, 2), "steps", 50,
                    "optimizer", Map.of("type", "sgd", "lr", 0.19))));

    @AfterAll
    static void close() {
        EXPERIMENTS.close();
    }

    @Test
    void theSameCanonicalSpecGivesTheSameIdAndOneRow() {
        LinkService.Created a = links.store(SGD);
        // spelled differently (defaults written out, other key order, 10 as 10.0): the same canonical spec
        Map<String, Object> same = Map.of(
                "version", 1,
                "runs", List.of(Map.of("optimizer", Map.of("momentum", 0, "lr", 0.19, "type", "sgd"),
                        "steps", 50, "seed", 0, "start", List.of(-4.0, 2.0))),
                "landscape", Map.of("eigenvalues", List.of(1.0, 10.0), "type", "quadratic"));
        LinkService.Created b = links.store(same);
        assertThat(a.id()).hasSize(LinkIds.LENGTH).matches("[0-9A-Za-z]+");
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(a.stored()).isTrue();
        assertThat(b.stored()).isFalse();
        assertThat(db.store.count()).isEqualTo(1);
        StoredLink row = a.link();
        assertThat(row.kind()).isEqualTo("experiment");
        assertThat(row.specVersion()).isEqualTo(SpecMigrations.CURRENT);
        assertThat(row.engineVersion()).isEqualTo("test");
        assertThat(row.sizeBytes()).isEqualTo(row.specJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(row.specJson()).doesNotContain("momentum").doesNotContain("seed");
        assertThat(row.createdAt()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void differentSpecsGetDifferentIds() {
        Set<String> ids = new HashSet<>();
        for (Preset p : PresetCatalog.standard().all()) {
            ids.add(links.store(p.spec()).id());
        }
        ids.add(links.store(SGD).id());
        ids.add(links.store(Map.of("landscape", SGD.get("landscape"), "runs", List.of(Map.of("start", List.of(-4, 2),
                "steps", 50, "optimizer", Map.of("type", "sgd", "lr", 0.190000001))))).id());
        assertThat(ids).hasSize(PresetCatalog.standard().all().size() + 2);
    }

    @Test
    void openingReturnsTheMinimalSpecThatCompilesToTheSameExperimentAndTrajectory() {
        Compiled original = EXPERIMENTS.compile(SGD);
        String id = links.store(original).id();
        Map<String, Object> spec = links.spec(id).orElseThrow();
        assertThat(spec).isEqualTo(original.minimal());
        long compiles = EXPERIMENTS.compileCount();
        Compiled opened = links.open(id).orElseThrow().compiled();
        assertThat(EXPERIMENTS.compileCount() - compiles).as("one compile per opened link").isEqualTo(1);
        assertThat(opened.canonical()).isEqualTo(original.canonical());
        ExperimentResult a = EXPERIMENTS.simulate(original);
        ExperimentResult b = EXPERIMENTS.simulate(opened);
        assertThat(b.runs().get(0).theta()).isDeepEqualTo(a.runs().get(0).theta());
        assertThat(a.runs().get(0).theta()[1]).containsExactly(-4 + 0.19 * 4, 2 - 0.19 * 10 * 2);
    }

    @Test
    void aPrefixCollisionWithOtherContentExtendsTheId() {
        Compiled c = EXPERIMENTS.compile(SGD);
        String real = links.store(c).id();
        // a row that owns the 10-digit prefix of another spec's hash: the next spec with that prefix
        // must get 11 digits, and keep getting them
        LinkTestDb other = new LinkTestDb();
        LinkService fresh = other.service(EXPERIMENTS, 1000);
        other.store.insert(new StoredLink(real, "experiment", "{}", "0".repeat(64), 1, "older", 2, Instant.now()));
        LinkService.Created extended = fresh.store(c);
        assertThat(extended.id()).hasSize(LinkIds.LENGTH + 1).startsWith(real);
        assertThat(fresh.store(c).id()).isEqualTo(extended.id());
        assertThat(fresh.find(real).orElseThrow().engineVersion()).isEqualTo("older");
    }

    @Test
    void unknownAndMalformedIdsAreEmptyAndInvalidSpecsAreRefusedWithTheirField() {
        assertThat(links.open("0123456789")).isEmpty();
        assertThat(links.spec("not an id!")).isEmpty();
        assertThat(links.find("x")).isEmpty();
        assertThatThrownBy(() -> links.store(Map.of("landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("optimizer", Map.of("type", "adam", "beta1", 1.5))))))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).field()).isEqualTo("runs[0].optimizer.beta1"));
        assertThat(db.store.count()).isZero();
    }

    @Test
    void specsOverTheSizeCapAreRefusedNamingTheCap() {
        LinkService small = new LinkService(EXPERIMENTS, db.store, new RateLimiter(10), 100, "test",
                java.time.Clock.systemUTC());
        assertThatThrownBy(() -> small.store(PresetCatalog.standard().byId("s19-decay-schedules").orElseThrow().spec()))
                .isInstanceOf(LinkService.SpecTooLargeException.class)
                .hasMessageContaining("at most 100 bytes").hasMessageContaining("lrlab.links.max-spec-bytes");
    }

    @Test
    void creationIsRateLimitedPerClient() {
        LinkService limited = db.service(EXPERIMENTS, 3);
        Compiled c = EXPERIMENTS.compile(SGD);
        for (int i = 0; i < 3; i++) {
            limited.create("10.0.0.1", c);
        }
        assertThatThrownBy(() -> limited.create("10.0.0.1", c))
                .isInstanceOf(RateLimiter.RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(20));
        assertThat(limited.create("10.0.0.2", c).id()).hasSize(10);
    }
}
