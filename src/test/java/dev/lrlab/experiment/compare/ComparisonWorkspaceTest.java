package dev.lrlab.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComparisonWorkspaceTest {
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 60_000);
    final ComparisonWorkspace ws = new ComparisonWorkspace(service);
    final Map<String, Object> games = PresetCatalog.standard().comparison("cmp-s29-game-methods").orElseThrow().spec();

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void aComparisonCodeReopensEveryPanelExactlyWithOneCompileEach() {
        ws.load(games);
        String code = ws.shareCode();
        ComparisonWorkspace again = new ComparisonWorkspace(service);
        long before = service.compileCount();
        again.open(code);
        assertThat(service.compileCount() - before).isEqualTo(4);
        assertThat(again.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(again.panel(i).compiled().canonical()).isEqualTo(ws.panel(i).compiled().canonical());
        }
        assertThat(again.shareCode()).isEqualTo(code);
        assertThat(service.unpack(code)).containsOnlyKeys("version", "panels");
    }

    @Test
    void anExperimentCodeOpensAsTheExperimentAndACopy() {
        ws.load(games);
        String one = service.shareCode(ws.panel(1).compiled());
        ComparisonWorkspace c = new ComparisonWorkspace(service);
        long before = service.compileCount();
        c.open(one);
        assertThat(service.compileCount() - before).isEqualTo(1);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.differences()).containsExactly(List.of(), List.of());
    }

    @Test
    void duplicateThenChangeOneThingShowsThatOneDifference() {
        ws.load(games);
        ws.remove(3);
        ws.remove(2);
        assertThat(ws.remove(1)).isFalse(); // two panels at least
        assertThat(ws.duplicate(0)).isTrue();
        assertThat(ws.size()).isEqualTo(3);
        ws.panel(1).edit(d -> {
            Map<String, Object> run = new java.util.LinkedHashMap<>(d.run(0));
            run.put("optimizer", Map.of("type", "sgd", "lr", 0.05));
            d.select(0);
            d.setRun(run);
        });
        List<List<SpecDiff.Difference>> diffs = ws.differences();
        assertThat(diffs.get(0)).isEmpty();
        assertThat(diffs.get(1)).extracting(SpecDiff.Difference::text).contains("runs[0].optimizer.lr: 0.05");
        assertThat(diffs.get(2)).extracting(SpecDiff.Difference::text)
                .startsWith("runs[0].game.method: alternating"); // then panel 1's TTUR run, absent here
        assertThat(ws.add()).isTrue();
        assertThat(ws.add()).isFalse(); // four at most
        assertThat(ws.comparison().panels()).hasSize(4);
    }

    @Test
    void anInvalidPanelHasNoCodeAndADamagedCodeSaysSo() {
        ws.load(games);
        ws.panel(2).edit(d -> d.setLandscape(Map.of("type", "quadratic", "eigenvalues", List.of(-1)), null));
        assertThat(ws.shareCode()).isNull();
        assertThat(ws.comparison()).isNull();
        assertThatThrownBy(() -> ws.open("1.broken")).isInstanceOf(ShareCodeException.class);
        String tooMany = service.pack(Map.of("version", 1, "panels", List.of(games.get("panels"))));
        assertThatThrownBy(() -> ws.open(tooMany)).isInstanceOf(ShareCodeException.class).hasMessageContaining("panels");
    }
}
