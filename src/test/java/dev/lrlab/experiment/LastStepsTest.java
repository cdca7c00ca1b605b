package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.engine.Recorder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The means over the last N steps (S4, S19, S20, S24, S28): which rows a window takes. */
class LastStepsTest {

    /** Steps 0, s, 2s … 10 with f = step and ‖Δθ‖ of update row j = j. */
    static Recorder.Rows rows(int stride, double poison) {
        int n = 10 / stride + 1;
        int[] steps = new int[n];
        double[] loss = new double[n];
        double[] upd = new double[n - 1];
        for (int i = 0; i < n; i++) {
            steps[i] = i * stride;
            loss[i] = i * stride;
        }
        for (int j = 0; j < n - 1; j++) {
            upd[j] = j;
        }
        loss[n - 1] += poison;
        return new Recorder.Rows(0, steps, new double[n][2], loss, null, 0, new double[n - 1], new double[n - 1], upd);
    }

    @ParameterizedTest(name = "stride {0}, last {1} steps: mean f {3}, mean ‖Δθ‖² {4}")
    @CsvSource({
            // states 8, 9, 10; updates leaving 7, 8, 9 (rows 7, 8, 9): (49 + 64 + 81) / 3
            "1, 3, 3, 9, 64.66666666666667",
            // the whole run: states 1 … 10, updates leaving 0 … 9
            "1, 10, 10, 5.5, 28.5",
            // longer than the run: capped at its 10 steps
            "1, 50, 10, 5.5, 28.5",
            // every 2nd step recorded: states 8, 10; updates leaving 6, 8 (rows 3, 4): (9 + 16) / 2
            "2, 4, 4, 9, 12.5",
            // one step: the last state, the update that led to it (leaving 9)
            "1, 1, 1, 10, 81",
    })
    void averagesTheStatesOfTheWindowAndTheUpdatesThatLedToThem(int stride, int n, int steps, double loss,
                                                                 double sq) {
        LastSteps m = LastSteps.of(rows(stride, 0), stride, n);
        assertThat(m.steps()).isEqualTo(steps);
        assertThat(m.meanLoss()).isCloseTo(loss, within(1e-12));
        assertThat(m.meanSquaredUpdate()).isCloseTo(sq, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"Infinity", "NaN"})
    void aDivergedWindowHasNoMeanLoss(double poison) {
        LastSteps m = LastSteps.of(rows(1, poison), 1, 5);
        assertThat(m.meanLoss()).isNull();
        assertThat(m.meanSquaredUpdate()).isCloseTo((25 + 36 + 49 + 64 + 81) / 5.0, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "9, 1", "10, 1", "800, 80", "1000, 100", "3000, 300", "1001, 101"})
    void theDefaultWindowIsTheLastTenth(int steps, int window) {
        assertThat(LastSteps.defaultWindow(steps)).isEqualTo(window);
    }
}
