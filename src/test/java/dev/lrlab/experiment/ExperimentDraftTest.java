package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edit rules of the playground, without a browser. */
class ExperimentDraftTest {
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 60_000);
    final ExperimentCompiler compiler = new ExperimentCompiler();

    ExperimentDraft loaded() {
        ExperimentDraft d = new ExperimentDraft(3);
        d.load(service.compile(DefaultExperiment.spec()).canonical());
        return d;
    }

    @Test
    void addStartsWhereTheSelectedRunStartsAndSelectsIt() {
        ExperimentDraft d = loaded();
        d.setStart(new double[]{1.5, -0.5});
        assertThat(d.addRun()).isTrue();
        assertThat(d.runCount()).isEqualTo(2);
        assertThat(d.selected()).isEqualTo(1);
        assertThat(d.run(1).get("start")).isEqualTo(List.of(1.5, -0.5));
        assertThat(d.run(1).get("label")).isEqualTo("Run 2");
        assertThat(d.color(1)).isEqualTo(RunPalette.color(1));
        compiler.compile(d.spec());
    }

    @Test
    void duplicateCopiesEverythingButLabelAndColour() {
        ExperimentDraft d = loaded();
        d.duplicateRun();
        Map<String, Object> a = d.run(0);
        Map<String, Object> b = d.run(1);
        assertThat(b.get("label")).isEqualTo(a.get("label") + " ′");
        assertThat(b.get("optimizer")).isEqualTo(a.get("optimizer"));
        assertThat(b.get("start")).isEqualTo(a.get("start"));
        assertThat(d.color(1)).isNotEqualTo(d.color(0));
    }

    @Test
    void atMostMaxRunsAndNeverRemovesTheLastOne() {
        ExperimentDraft d = loaded();
        assertThat(d.removeRun()).isFalse();
        d.addRun();
        d.addRun();
        assertThat(d.addRun()).isFalse();
        assertThat(d.duplicateRun()).isFalse();
        assertThat(d.runCount()).isEqualTo(3);
    }

    @Test
    void removingARunKeepsTheOthersColours() {
        ExperimentDraft d = loaded();
        d.addRun();
        d.addRun();
        String third = d.color(2);
        d.select(0);
        d.removeRun();
        assertThat(d.runCount()).isEqualTo(2);
        assertThat(d.color(1)).isEqualTo(third);
        assertThat(d.selected()).isEqualTo(0);
    }

    @Test
    void hidingARunNeitherSelectsItNorChangesTheExperiment() {
        ExperimentDraft d = loaded();
        d.addRun();
        d.select(0);
        Map<String, Object> before = d.spec();
        d.setVisible(1, false);
        assertThat(d.selected()).isEqualTo(0);
        assertThat(d.isVisible(1)).isFalse();
        assertThat(d.spec()).isEqualTo(before);
        assertThat(d.canUndo()).isTrue(); // the add, not the hide
        d.undo();
        assertThat(d.runCount()).isEqualTo(1);
    }

    @Test
    void aNewLandscapeKeepsEveryRunValid() {
        ExperimentDraft d = loaded();
        Map<String, Object> run = d.run(0);
        run.put("clipNorm", 1.0);
        run.put("noise", Map.of("type", "gaussian", "sigma", 0.1, "batchSize", 1));
        run.put("schedule", Map.of("type", "curvature"));
        d.setRun(run);
        Map<String, Object> game = Map.of("type", "bilinear");
        d.setLandscape(game, service.landscape(game));
        Map<String, Object> r = d.run(0);
        assertThat(r).doesNotContainKeys("clipNorm", "noise", "rollback");
        assertThat(r.get("schedule")).isEqualTo(Map.of("type", "constant"));
        assertThat(r.get("start")).isEqualTo(List.of(-4.0, 2.0)); // same dimension: the start is kept
        compiler.compile(d.spec());

        Map<String, Object> well = Map.of("type", "doubleWell");
        d.setLandscape(well, service.landscape(well));
        assertThat(d.run(0).get("start")).asList().hasSize(1);
        assertThat(d.run(0)).doesNotContainKey("game");
        compiler.compile(d.spec());
    }

    @Test
    void undoAndRedoWalkTheEdits() {
        ExperimentDraft d = loaded();
        Map<String, Object> first = d.spec();
        Map<String, Object> run = d.run(0);
        run.put("steps", 250);
        d.setRun(run);
        Map<String, Object> second = d.spec();
        d.addRun();
        assertThat(d.undo()).isTrue();
        assertThat(d.spec()).isEqualTo(second);
        assertThat(d.undo()).isTrue();
        assertThat(d.spec()).isEqualTo(first);
        assertThat(d.undo()).isFalse();
        assertThat(d.redo()).isTrue();
        assertThat(d.spec()).isEqualTo(second);
        // an unchanged form value is no edit
        d.setRun(d.run(0));
        assertThat(d.canRedo()).isTrue();
    }
}
