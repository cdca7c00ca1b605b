package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.Limits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One compile per edit and one per opened link, whatever the page does with the result. */
class ExperimentWorkspaceTest {
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 60_000);

    private long compiles(Runnable r) {
        long before = service.compileCount();
        r.run();
        return service.compileCount() - before;
    }

    @Test
    void everyEditCompilesOnceWithEightRuns() {
        ExperimentWorkspace w = new ExperimentWorkspace(service);
        assertThat(compiles(() -> w.load(DefaultExperiment.spec()))).isEqualTo(1);
        for (int i = 1; i < 8; i++) {
            assertThat(compiles(() -> w.edit(ExperimentDraft::duplicateRun))).isEqualTo(1);
        }
        assertThat(w.draft().runCount()).isEqualTo(8);
        Map<String, Object> run = w.draft().run(3);
        run.put("steps", 400);
        w.draft().select(3);
        assertThat(compiles(() -> w.setRun(run))).isEqualTo(1);
        assertThat(compiles(() -> w.setLandscape(Map.of("type", "rosenbrock")))).isEqualTo(1);
        assertThat(compiles(() -> w.edit(d -> d.setStart(new double[]{0.5, 0.5})))).isEqualTo(1);
        // reading the result and its link as often as a page does costs no compile
        assertThat(compiles(() -> {
            for (int i = 0; i < 5; i++) {
                w.shareCode();
                w.compiled().minimal();
                w.compiled().spec();
            }
        })).isZero();
        assertThat(compiles(w::undo)).isEqualTo(1);
        assertThat(w.compiled().spec().landscape().type()).isEqualTo("rosenbrock");
    }

    @Test
    void openingALinkCompilesOnce() {
        ExperimentWorkspace source = new ExperimentWorkspace(service);
        source.load(PresetCatalog.standard().byId("s29-bilinear-game").orElseThrow().spec());
        String code = source.shareCode();
        ExperimentWorkspace w = new ExperimentWorkspace(service);
        assertThat(compiles(() -> w.open(code))).isEqualTo(1);
        assertThat(w.compiled().canonical()).isEqualTo(source.compiled().canonical());
        assertThat(w.shareCode()).isEqualTo(code);
    }

    @Test
    void anInvalidEditKeepsTheErrorWithItsField() {
        ExperimentWorkspace w = new ExperimentWorkspace(service);
        w.load(DefaultExperiment.spec());
        Map<String, Object> run = w.draft().run(0);
        run.put("optimizer", Map.of("type", "adam", "beta1", 1.5));
        assertThat(w.setRun(run)).isFalse();
        assertThat(w.compiled()).isNull();
        assertThat(w.shareCode()).isNull();
        assertThat(w.error().field()).isEqualTo("runs[0].optimizer.beta1");
        assertThat(w.undo()).isTrue();
        assertThat(w.error()).isNull();
    }
}
