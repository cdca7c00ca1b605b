package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.experiment.compare.Comparison;
import dev.lrlab.spec.Limits;
import dev.lrlab.testutil.MiniJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The gradient-play verdict of every game method against the distance the engine really travels. */
class GameRegimeTest {
    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 2, 20_000);

    @AfterAll
    static void close() {
        SERVICE.close();
    }

    private static String spec(String method, int steps) {
        return "{\"landscape\":{\"type\":\"bilinear\"},\"runs\":[{\"start\":[1,1],\"steps\":" + steps + ","
                + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"game\":{\"method\":\"" + method + "\"}}]}";
    }

    private static GameRegime regime(String method) {
        Compiled c = SERVICE.compile(MiniJson.object(spec(method, 10)));
        return SERVICE.preview(c, 0).game();
    }

    /** The per-step growth of the distance to the equilibrium between steps 100 and 300, measured. */
    private static double measuredRate(String method) {
        Comparison c = Comparison.compile(SERVICE, MiniJson.object("{\"version\":1,\"panels\":["
                + spec(method, 100) + "," + spec(method, 300) + "]}"));
        var m = c.simulate(SERVICE).metrics();
        return Math.pow(m.get(1).distance() / m.get(0).distance(), 1.0 / 200);
    }

    @Test
    void extragradientShrinksBySqrtOfOneMinusEtaSquaredPlusEtaToTheFourth() {
        GameRegime g = regime("extragradient");
        assertThat(g.kind()).isEqualTo(GameRegime.Kind.CONVERGES);
        assertThat(g.spiral()).isTrue();
        assertThat(g.radius()).isCloseTo(Math.sqrt(1 - 0.01 + 0.0001), within(1e-9));
        assertThat(measuredRate("extragradient")).isCloseTo(g.radius(), within(1e-9));
    }

    @Test
    void optimisticConvergesAtTheRateOfItsTwoStepRecurrence() {
        GameRegime g = regime("optimistic");
        assertThat(g.kind()).isEqualTo(GameRegime.Kind.CONVERGES);
        assertThat(g.spiral()).isTrue();
        // the slower root dominates after a few steps: the measured rate approaches ρ
        assertThat(measuredRate("optimistic")).isCloseTo(g.radius(), within(1e-4));
    }

    @Test
    void simultaneousSpiralsOutAndAlternatingCycles() {
        assertThat(regime("simultaneous").kind()).isEqualTo(GameRegime.Kind.DIVERGES);
        assertThat(regime("simultaneous").radius()).isCloseTo(Math.sqrt(1.01), within(1e-9));
        assertThat(regime("alternating").kind()).isEqualTo(GameRegime.Kind.CYCLES);
    }
}
