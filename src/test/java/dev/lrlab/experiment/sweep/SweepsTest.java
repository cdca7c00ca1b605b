package dev.lrlab.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import dev.lrlab.testutil.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SweepsTest {
    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 4, 20_000);
    static final Sweeps SWEEPS = new Sweeps(SERVICE, 10_000);

    @AfterAll
    static void close() {
        SERVICE.close();
    }

    static Map<String, Object> json(String s) {
        return MiniJson.object(s);
    }

    static final String QUAD_1D = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[10]},"
            + "\"runs\":[{\"start\":[1],\"steps\":1000,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";

    @Test
    void lrSweepOnQuadraticSplitsAtTwoOverLambdaMax() {
        SweepResult r = SWEEPS.run(SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[{\"path\":"
                + "\"runs[0].optimizer.lr\",\"values\":[0.05,0.1,0.15,0.19,0.21,0.25,0.3]}]}")));
        assertThat(r.analysis().get(0).lambdaMax()).isEqualTo(10.0);
        assertThat(r.analysis().get(0).stableLr()).isEqualTo(0.2);
        assertThat(r.analysis().get(0).heavyBallStableLr()).isEqualTo(0.2); // β = 0
        List<String> status = r.points().stream().map(SweepResult.SweepPoint::status).toList();
        assertThat(status).containsExactly("completed", "completed", "completed", "completed", "diverged",
                "diverged", "diverged");
        // |1 − ηλ|^k > 1e12 first at k = 290 (1.1), 69 (1.5), 40 (2)
        assertThat(r.points().stream().map(SweepResult.SweepPoint::divergedAtStep).toList())
                .containsExactly(null, null, null, null, 290, 69, 40);
        // η = 0.1 = 1/λ: exactly 0 after one step; best loss is the start's 5 when diverging
        assertThat(r.points().get(1).finalLoss()).isEqualTo(0.0);
        assertThat(r.points().get(6).bestLoss()).isEqualTo(5.0);
        assertThat(r.points().get(0).values()).containsExactly(0.05);
    }
}
