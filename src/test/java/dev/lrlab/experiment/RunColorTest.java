package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A run's colour reaches style attributes, SVG and canvas: it must be a colour and nothing else. */
class RunColorTest {
    static ExperimentService service;

    @BeforeAll
    static void start() {
        service = new ExperimentService(Limits.DEFAULT, 1, 10_000);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Map<String, Object> spec(String color) {
        return Map.of("landscape", Map.of("type", "quadratic"), "runs", List.of(Map.of("color", color, "steps", 1,
                "optimizer", Map.of("type", "sgd", "lr", 0.1))));
    }

    @Test
    void hexAndNamedColoursPass() {
        for (String c : List.of("#fff", "#ffff", "#ff5252", "#ff525280", "teal", "RebeccaPurple")) {
            assertThat(service.compile(spec(c)).canonical().toString()).contains(c);
        }
    }

    @Test
    void anythingElseIsRefusedWithItsPath() {
        for (String c : List.of("red\"><img src=x onerror=alert(1)>", "red;background:url(//evil)", "#12345",
                "url(javascript:alert(1))", "", "rgb(1,2,3)")) {
            assertThatThrownBy(() -> service.compile(spec(c))).as(c)
                    .hasMessageContaining("must be a colour like #1e88e5");
        }
    }
}
