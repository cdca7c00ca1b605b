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
}
