package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.ExperimentCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.lrlab.spec.Limits;

/** What the page says at the end of a run, against the engine's own counters. */
class EndReadoutTest {

    /** S17 asks how many roll-backs happen and which η the run ends with: read off the last lr, exactly. */
    @Test
    @SuppressWarnings("unchecked")
    void theRollbackCountReadOffTheLastLrIsTheSimulatorsCount() {
        Map<String, Object> spec = PresetCatalog.standard().byId("s17-rollback").orElseThrow().spec();
        // the preset, and the same roll-back under a decaying schedule with another factor
        Map<String, Object> decayed = new LinkedHashMap<>(spec);
        Map<String, Object> run = new LinkedHashMap<>(((List<Map<String, Object>>) spec.get("runs")).get(1));
        run.put("schedule", Map.of("type", "exponential", "gamma", 0.99));
        run.put("rollback", Map.of("ratio", 1.2, "factor", 0.7));
        decayed.put("runs", List.of(run));
        for (Map<String, Object> s : List.of(spec, decayed)) {
            CompiledExperiment c = new ExperimentCompiler().compile(s);
            ExperimentResult res = dev.lrlab.core.engine.ExperimentRunner.run(c);
            for (int i = 0; i < res.runs().size(); i++) {
                RunResult r = res.runs().get(i);
                double lastLr = r.lr()[r.lr().length - 1];
                EndReadout e = new EndReadout(1.0, 2 / lastLr, null)
                        .withRollbacks(c.runs().get(i), r.steps()[r.lr().length - 1], lastLr);
                if (c.runs().get(i).rollback() == null) {
                    assertThat(e.rollbacks()).isNull();
                    continue;
                }
                assertThat(e.rollbacks().count()).isEqualTo(r.analysis().rollbacks()).isPositive();
                assertThat(e.rollbacks().multiplier()).isCloseTo(r.analysis().finalLrMultiplier(), within(1e-15));
                assertThat(e.rollbacks().lr()).isEqualTo(lastLr);
            }
        }
    }

    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 1, 60_000);

    /** A 1-D quadratic with curvature λ = 10, one run of {@code optimizer}, 400 steps. */
    static Compiled quadratic(Map<String, Object> optimizer, Double clip) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("start", List.of(1.0));
        run.put("steps", 400);
        run.put("optimizer", optimizer);
        if (clip != null) {
            run.put("clipNorm", clip);
        }
        return SERVICE.compile(Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(10.0)),
                "runs", List.of(run)));
    }

    /**
     * The edge the end readouts name is the one the update has: on λ = 10 an η 2 % under it
     * converges and 2 % over it does not, for plain SGD, heavy ball, dampening and PyTorch's
     * Nesterov form (S6: momentum moves the edge ηλ from 2 to 2(1+β)).
     */
    @ParameterizedTest(name = "{0}: edge ηλ = {1}, written {2}")
    @CsvSource({
            "'{\"type\":\"sgd\"}', 2, 2/η",
            "'{\"type\":\"sgd\",\"momentum\":0.9}', 3.8, 2(1+β)/η",
            "'{\"type\":\"sgd\",\"momentum\":0.5,\"dampening\":0.5}', 6, 2(1+β)/((1−d)η)",
            "'{\"type\":\"sgd\",\"momentum\":0.9,\"nesterov\":true}', 1.357142857142857, 2(1+β)/((1+2β)η)",
    })
    @SuppressWarnings("unchecked")
    void theEndEdgeIsWhereTheUpdateStopsConverging(String optimizerJson, double edgeTimesLambda, String written)
            throws Exception {
        Map<String, Object> opt = new com.fasterxml.jackson.databind.ObjectMapper().readValue(optimizerJson, Map.class);
        double lambda = 10;
        for (double side : new double[]{0.98, 1.02}) {
            Map<String, Object> o = new LinkedHashMap<>(opt);
            o.put("lr", side * edgeTimesLambda / lambda);
            Compiled c = quadratic(o, null);
            RunResult r = dev.lrlab.core.engine.ExperimentRunner.run(c.engine()).runs().get(0);
            double lastLr = r.lr()[r.lr().length - 1];
            EndReadout e = EndReadout.of(c.landscape(), new double[]{0.0}, lastLr, c.engine().runs().get(0), c.spec().runs().get(0));
            assertThat(e.edge() * lastLr).as("edge · η").isCloseTo(edgeTimesLambda, within(1e-12));
            assertThat(e.edgeName()).isEqualTo(written);
            double end = r.theta()[r.theta().length - 1][0];
            boolean converged = Double.isFinite(end) && Math.abs(end) < 1e-2;
            assertThat(converged).as("η = " + side + " × the edge").isEqualTo(side < 1);
            // the landscape's λ = 10 against the lr's edge: beyond it exactly when the run diverged
            assertThat(e.beyondEdge()).isEqualTo(side > 1);
        }
    }

    @Test
    void adaptiveOrClippedRunsGetTheirSharpnessButNoGdVerdict() {
        for (Compiled c : List.of(quadratic(Map.of("type", "adam", "lr", 0.1), null),
                quadratic(Map.of("type", "sgd", "lr", 0.1), 1.0))) {
            EndReadout e = EndReadout.of(c.landscape(), new double[]{0.0}, 0.1, c.engine().runs().get(0), c.spec().runs().get(0));
            assertThat(e.sharpness()).isCloseTo(10, within(1e-9));
            assertThat(e.edge()).isNull();
            assertThat(e.beyondEdge()).isFalse();
        }
    }
}
