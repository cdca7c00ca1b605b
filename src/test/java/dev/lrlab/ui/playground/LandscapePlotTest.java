package dev.lrlab.ui.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.spec.LandscapeFactory;
import dev.lrlab.spec.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandscapePlotTest {

    private static Landscape landscape(Map<String, Object> spec) {
        return LandscapeFactory.create(Params.root(spec));
    }

    @Test
    void cheapLandscapesGetTheFullGridExpensiveOnesACoarserOne() {
        assertThat(LandscapePlot.gridSize(landscape(Map.of("type", "rosenbrock")))).isEqualTo(121);
        Landscape data = landscape(Map.of("type", "linearRegression", "n", 100_000, "features", 20));
        // 20 × 100,000 flops per value: 5e7 / 2e6 = 25 → 5 points per axis, floored at 21
        assertThat(LandscapePlot.gridSize(data)).isEqualTo(21);
        Landscape mid = landscape(Map.of("type", "linearRegression", "n", 2_000, "features", 2));
        assertThat(LandscapePlot.gridSize(mid)).isEqualTo(111);
    }
}
