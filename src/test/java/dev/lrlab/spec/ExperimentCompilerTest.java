package dev.lrlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.core.engine.CompiledExperiment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentCompilerTest {

    static Map<String, Object> spec(Map<String, Object> landscape, Map<String, Object> run) {
        Map<String, Object> s = new HashMap<>();
        s.put("landscape", landscape);
        s.put("runs", List.of(run));
        return s;
    }

    static Map<String, Object> run(Object... kv) {
        Map<String, Object> r = new HashMap<>();
        r.put("optimizer", Map.of("type", "sgd", "lr", 0.1));
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1]);
        }
        return r;
    }

    static Map<String, Object> quad() {
        return Map.of("type", "quadratic", "eigenvalues", List.of(1, 10));
    }

    static Stream<Arguments> badSpecs() {
        Map<String, Object> twoRuns = spec(quad(), run());
        twoRuns.put("runs", List.of(run(), run("start", List.of(1, 2, 3))));
        Map<String, Object> v2 = spec(quad(), run());
        v2.put("version", 2);
        Map<String, Object> extra = spec(quad(), run());
        extra.put("colour", "red");
        return Stream.of(
                Arguments.of(v2, "version"),
                Arguments.of(extra, "colour"),
                Arguments.of(spec(Map.of("type", "quadratic", "eigenvalues", List.of(1, "x")), run()), "landscape.eigenvalues[1]"),
                Arguments.of(spec(Map.of("type", "banana"), run()), "landscape.type"),
                Arguments.of(spec(Map.of("type", "rosenbrock", "c", 1), run()), "landscape.c"),
                Arguments.of(spec(Map.of("type", "rosenbrock", "b", -1), run()), "landscape.b"),
                Arguments.of(spec(Map.of("type", "quadratic", "matrix", List.of(List.of(1, 2), List.of(3, 4))), run()), "landscape.matrix[1][0]"),
                Arguments.of(spec(Map.of("type", "quadratic", "eigenvalues", List.of(1, 2, 3), "angleDeg", 10), run()), "landscape.angleDeg"),
                Arguments.of(spec(Map.of("type", "linearRegression", "featureScale", List.of(1)), run()), "landscape.featureScale"),
                Arguments.of(spec(Map.of("type", "nonStationary", "base", Map.of("type", "nope")), run()), "landscape.base.type"),
                Arguments.of(spec(Map.of("type", "nonStationary", "base", Map.of("a", 1)), run()), "landscape.base.type"),
                Arguments.of(twoRuns, "runs[1].start"),
                Arguments.of(spec(quad(), run("steps", 1.5)), "runs[0].steps"),
                Arguments.of(spec(quad(), run("optimizer", Map.of("type", "sgd", "lr", 0.1, "beta9", 1))), "runs[0].optimizer.beta9"),
                Arguments.of(spec(quad(), run("optimizer", Map.of("type", "nadam2"))), "runs[0].optimizer.type"),
                Arguments.of(spec(quad(), Map.of("steps", 10)), "runs[0].optimizer"),
                Arguments.of(spec(quad(), run("schedule", Map.of("type", "zigzag"))), "runs[0].schedule.type"),
                Arguments.of(spec(quad(), run("clipNorm", -1)), "runs[0].clipNorm"),
                Arguments.of(spec(quad(), run("noise", Map.of("type", "minibatch", "batchSize", 4))), "runs[0].noise.type"),
                Arguments.of(spec(quad(), run("noise", Map.of("type", "gaussian", "sigma", -1))), "runs[0].noise.sigma"),
                Arguments.of(spec(quad(), run("rollback", Map.of("factor", 2))), "runs[0].rollback.factor"),
                Arguments.of(spec(quad(), run("record", Map.of("every", 0))), "runs[0].record.every"),
                Arguments.of(spec(quad(), run("game", Map.of("method", "simultaneous"))), "runs[0].game"),
                Arguments.of(spec(Map.of("type", "bilinear"), run("game", Map.of("method", "telepathy"))), "runs[0].game.method"),
                Arguments.of(spec(quad(), run("resetMomentumOnRestart", "yes")), "runs[0].resetMomentumOnRestart"),
                Arguments.of(spec(quad(), run("seed", -3)), "runs[0].seed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSpecs")
    void badSpecsNameTheField(Map<String, Object> spec, String field) {
        SpecException e = assertThrows(SpecException.class, () -> ExperimentCompiler.compileDefault(spec));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void unknownTypesListTheAllowedOnes() {
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentCompiler.compileDefault(spec(Map.of("type", "banana"), run())));
        assertEquals(LandscapeFactory.TYPES, e.allowed());
    }

    @Test
    void capsAreCheckedWithFieldAndMessage() {
        SpecException steps = assertThrows(SpecException.class,
                () -> ExperimentCompiler.compileDefault(spec(quad(), run("steps", 100_001))));
        assertEquals("runs[0].steps", steps.field());
        assertEquals("at most 100000 steps per run (server limit)", steps.getMessage());

        SpecException dim = assertThrows(SpecException.class, () -> ExperimentCompiler.compileDefault(
                spec(Map.of("type", "rastrigin", "dim", 10_001), run())));
        assertEquals("landscape.dim", dim.field());

        Map<String, Object> nine = spec(quad(), run());
        nine.put("runs", java.util.Collections.nCopies(9, run()));
        assertEquals("runs", assertThrows(SpecException.class, () -> ExperimentCompiler.compileDefault(nine)).field());

        // 100,000 steps × 10,000 dims of Rastrigin is about 5·10¹⁰ unit operations: the steps are named
        Map<String, Object> big = spec(Map.of("type", "rastrigin", "dim", 10_000), run("steps", 100_000));
        SpecException work = assertThrows(SpecException.class, () -> ExperimentCompiler.compileDefault(big));
        assertEquals("runs[0].steps", work.field());
        assertTrue(work.getMessage().contains("server's limit of 4.0·10^9"), work.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void canonicalSpecFillsDefaults() {
        CompiledExperiment c = ExperimentCompiler.compileDefault(spec(Map.of("type", "rosenbrock"), run()));
        Map<String, Object> canon = c.canonicalSpec();
        assertEquals(1, canon.get("version"));
        Map<String, Object> l = (Map<String, Object>) canon.get("landscape");
        assertEquals(1.0, l.get("a"));
        assertEquals(100.0, l.get("b"));
        Map<String, Object> r = ((List<Map<String, Object>>) canon.get("runs")).get(0);
        assertEquals("Run 1", r.get("label"));
        assertEquals(100, r.get("steps"));
        assertEquals(0, r.get("seed"));
        assertEquals(List.of(-1.5, 2.0), r.get("start"));
        assertEquals(Map.of("every", 1), r.get("record"));
        assertEquals(false, r.get("resetMomentumOnRestart"));
        assertTrue(r.containsKey("clipNorm") && r.get("clipNorm") == null);
        // the canonical spec compiles to the same thing again
        Map<String, Object> again = ExperimentCompiler.compileDefault(canon).canonicalSpec();
        assertEquals(canon, again);
    }

    @Test
    void gameDefaultsToSimultaneousWithTheSameOptimizer() {
        CompiledExperiment c = ExperimentCompiler.compileDefault(spec(Map.of("type", "quadraticGame"), run()));
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) ((List<Map<String, Object>>) c.canonicalSpec().get("runs"))
                .get(0).get("game");
        assertEquals("simultaneous", g.get("method"));
    }

    @Test
    void aLandscapeIsBuiltOnceWhileOnlyRunFieldsChange() {
        ExperimentCompiler compiler = new ExperimentCompiler();
        Map<String, Object> data = Map.of("type", "linearRegression", "n", 500, "features", 3);
        Map<String, Object> run = Map.of("optimizer", Map.of("type", "sgd", "lr", 0.1));
        var a = compiler.compile(Map.of("landscape", data, "runs", List.of(run)));
        // other runs, and the same landscape written with its defaults spelled out
        var b = compiler.compile(Map.of("landscape", a.canonicalSpec().get("landscape"),
                "runs", List.of(run, Map.of("optimizer", Map.of("type", "adam")))));
        assertTrue(a.landscape() == b.landscape(), "reused");
        assertTrue(compiler.landscape(data) == a.landscape(), "reused by the landscape-only lookup");
        var c = compiler.compile(Map.of("landscape", Map.of("type", "linearRegression", "n", 500, "features", 3,
                "seed", 2), "runs", List.of(run)));
        assertTrue(c.landscape() != a.landscape(), "another seed is another data set");
        // a fresh compiler builds the same landscape: reuse changes nothing observable
        var fresh = new ExperimentCompiler().compile(Map.of("landscape", data, "runs", List.of(run)));
        double[] w = {0.3, -0.2, 0.1};
        assertEquals(fresh.landscape().value(w), a.landscape().value(w));
    }
}
