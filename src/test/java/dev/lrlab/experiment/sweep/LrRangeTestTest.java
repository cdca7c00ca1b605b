package dev.lrlab.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.schedule.ExponentialRampSchedule;
import dev.lrlab.testutil.MiniJson;
import org.junit.jupiter.api.Test;

class LrRangeTestTest {
    final LrRangeTest test = new LrRangeTest(SweepsTest.SERVICE);

    @Test
    void rampIsGeometricAndHitsBothEnds() {
        ExponentialRampSchedule s = new ExponentialRampSchedule(1e-6, 10, 100);
        assertThat(s.lr(0)).isEqualTo(1e-6);
        assertThat(s.lr(99)).isEqualTo(10.0);
        assertThat(s.lr(33)).isCloseTo(1e-6 * Math.pow(1e7, 1 / 3.0), within(1e-15));
        assertThat(s.lr(50) / s.lr(49)).isCloseTo(Math.pow(1e7, 1 / 99.0), within(1e-12));
    }

    @Test
    void suggestionOnQuadraticIsNearOneOverLambda() {
        // f = ½·10·θ²: the best constant lr is 1/λ = 0.1, the edge 2/λ = 0.2
        LrRangeTest.Result r = test.run(test.parse(MiniJson.object("{\"spec\":{\"landscape\":{\"type\":\"quadratic\","
                + "\"eigenvalues\":[10]},\"runs\":[{\"start\":[1],\"optimizer\":{\"type\":\"sgd\"}}]},"
                + "\"startLr\":1e-6,\"endLr\":10,\"steps\":100}")));
        assertThat(r.lr()[0]).isEqualTo(1e-6);
        assertThat(r.loss()[0]).isCloseTo(5 * Math.pow(1 - 1e-5, 2), within(1e-12));
        assertThat(r.smoothed()[0]).isCloseTo(r.loss()[0], within(1e-12)); // bias correction: first = loss
        assertThat(r.stopReason()).isEqualTo("smoothed loss > 4 × best");
        assertThat(r.stoppedAtStep()).isLessThan(100);
        assertThat(r.suggestion().rule()).isEqualTo("steepest descent of the smoothed loss");
        assertThat(r.suggestion().lr()).isBetween(0.1 / 10, 0.1 * 2);
        // the smoothed minimum lags behind the real one (θ ≈ 0 once η passes 1/λ, and an unstable η
        // needs steps to blow it up again), so fastai's "minimum / 10" lands near 1/λ too
        assertThat(r.minimum().lr()).isBetween(0.1 / 3, 0.1);
        System.out.printf("steep %.4g minimum/10 %.4g stopped %d%n", r.suggestion().lr(), r.minimum().lr(),
                r.stoppedAtStep());
    }
}
