package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the playground's picture is computed from: the loss axis and the first view. */
class PictureTest {
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 60_000);

    @Test
    void negativeLossesArePlottedAsSuboptimality() {
        // the double well's deeper minimum is negative: f − f* is ≥ 0 and 0 exactly there
        Compiled well = service.compile(Map.of("landscape", Map.of("type", "doubleWell"),
                "runs", List.of(Map.of("optimizer", Map.of("type", "sgd", "lr", 0.01)))));
        LossAxis axis = LossAxis.of(well.landscape());
        assertThat(axis.kind()).isEqualTo(LossAxis.Kind.SUBOPTIMALITY);
        assertThat(axis.fStar()).isLessThan(0);
        double[] plotted = axis.plotted(new double[]{axis.fStar(), axis.fStar() + 0.5, 3}, null);
        assertThat(plotted[0]).isEqualTo(Math.ulp(axis.fStar())); // at the minimum: the rounding floor
        assertThat(plotted[1]).isCloseTo(0.5, within(1e-12));
        assertThat(plotted[2]).isCloseTo(3 - axis.fStar(), within(1e-12));
    }

    @Test
    void gamesPlotTheDistanceToTheEquilibrium() {
        Compiled game = service.compile(PresetCatalog.standard().byId("s29-bilinear-game").orElseThrow().spec());
        LossAxis axis = LossAxis.of(game.landscape());
        assertThat(axis.kind()).isEqualTo(LossAxis.Kind.EQUILIBRIUM_DISTANCE);
        assertThat(axis.plotted(new double[]{-1, 1}, new double[]{1.4, 2})).containsExactly(1.4, 2);
    }

    @Test
    void theFirstViewContainsEveryStartAndMinimum() {
        Compiled c = service.compile(Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)),
                "runs", List.of(Map.of("start", List.of(-12, 2), "optimizer", Map.of("type", "sgd", "lr", 0.01)),
                        Map.of("start", List.of(1, 9), "optimizer", Map.of("type", "sgd", "lr", 0.01)))));
        Landscape.ViewBox own = c.landscape().viewBox();
        Landscape.ViewBox fit = ViewFit.of(c);
        assertThat(fit.xMin()).isLessThan(-12);
        assertThat(fit.yMax()).isGreaterThan(9);
        assertThat(fit.xMax()).isEqualTo(own.xMax());
        assertThat(fit.yMin()).isEqualTo(own.yMin());
        // a start inside the landscape's window leaves the window as it is
        Compiled inside = service.compile(Map.of("landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("start", List.of(-1, 1), "optimizer", Map.of("type", "sgd")))));
        assertThat(ViewFit.of(inside)).isEqualTo(inside.landscape().viewBox());
    }
}
