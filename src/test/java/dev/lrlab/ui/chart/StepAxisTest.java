package dev.lrlab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round step ticks for the runs the presets have (20 to 3000 steps) and odd lengths. */
class StepAxisTest {

    @ParameterizedTest(name = "{0} steps: 0 … {1} in {2} ticks")
    @CsvSource({
            "3000, 3000, 6", // was 0, 499, 998 …
            "1000, 1000, 5",
            "800, 800, 4",
            "600, 600, 6",
            "500, 500, 5",
            "320, 350, 7",
            "200, 200, 4",
            "20, 20, 4",
            "1, 1, 1",
            "7, 7, 7",
            "2001, 2500, 5",
            "25000, 25000, 5",
    })
    void ticksAreRoundAndCoverTheRun(long steps, long max, int ticks) {
        StepAxis a = StepAxis.of(steps);
        assertThat(a.max()).isEqualTo(max).isGreaterThanOrEqualTo(steps);
        assertThat(a.ticks()).isEqualTo(ticks).isLessThanOrEqualTo(StepAxis.MAX_TICKS);
        long tick = a.max() / a.ticks();
        assertThat(tick * a.ticks()).isEqualTo(a.max());
        assertThat(Long.toString(tick).replaceAll("0+$", "")).isIn("1", "2", "25", "5");
    }

    @ParameterizedTest(name = "{0} steps on a phone: 0 … {1} in {2} ticks")
    @CsvSource({"3000, 3000, 3", "1000, 1000, 4", "800, 800, 4", "600, 600, 3", "350, 400, 4", "20, 20, 4"})
    void aNarrowWindowGetsAtMostFourTicks(long steps, long max, int ticks) {
        StepAxis a = StepAxis.of(steps, StepAxis.NARROW_TICKS);
        assertThat(a.max()).isEqualTo(max);
        assertThat(a.ticks()).isEqualTo(ticks);
    }
}
