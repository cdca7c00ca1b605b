package dev.lrlab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestingTest {

    /** A scaled schedule holding a scaled schedule … {@code levels} schedules in all. */
    static Map<String, Object> scaledChain(int levels) {
        Map<String, Object> s = Map.of("type", "constant");
        for (int i = 1; i < levels; i++) {
            s = Map.of("type", "scaled", "schedule", s, "envelope", Map.of("type", "constant"));
        }
        return s;
    }

    static Map<String, Object> spec(Map<String, Object> schedule) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("steps", 10);
        run.put("optimizer", Map.of("type", "sgd", "lr", 0.1));
        run.put("schedule", schedule);
        return Map.of("landscape", Map.of("type", "quadratic"), "runs", List.of(run));
    }

    @Test
    void schedulesUpToTheCapCompile() {
        ExperimentCompiler.compileDefault(spec(scaledChain(Limits.DEFAULT_MAX_NESTING)));
    }

    @Test
    void oneLevelMoreIsRefusedWithThePathOfTheDeepestSchedule() {
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentCompiler.compileDefault(spec(scaledChain(Limits.DEFAULT_MAX_NESTING + 1))));
        assertThat(e.getMessage()).isEqualTo("schedules nested more than 8 deep (server limit)");
        assertThat(e.field()).isEqualTo("runs[0].schedule" + ".schedule".repeat(8));
    }

    @Test
    void aHostileChainIsRefusedBeforeAnyFactoryRuns() {
        // 300 levels used to cost ~20 s per opened link; the walk stops at level 9
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentCompiler.compileDefault(spec(scaledChain(300))));
        assertThat(e.getMessage()).contains("nested more than 8 deep");
    }

    @Test
    void sequentialListsCountAsALevelAndNameTheirIndex() {
        Map<String, Object> inner = scaledChain(Limits.DEFAULT_MAX_NESTING);
        Map<String, Object> seq = Map.of("type", "sequential", "schedules",
                List.of(Map.of("type", "constant"), inner), "milestones", List.of(5));
        SpecException e = assertThrows(SpecException.class, () -> ExperimentCompiler.compileDefault(spec(seq)));
        assertThat(e.field()).startsWith("runs[0].schedule.schedules[1].schedule");
    }

    @Test
    void theCapIsConfigurable() {
        Limits two = new Limits(100_000, 10_000, 8, 2e8, 2_000_000, 2);
        new ExperimentCompiler(two).compile(spec(scaledChain(2)));
        SpecException e = assertThrows(SpecException.class, () -> new ExperimentCompiler(two).compile(spec(scaledChain(3))));
        assertThat(e.getMessage()).contains("more than 2 deep");
    }
}
