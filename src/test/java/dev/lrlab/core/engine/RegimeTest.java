package dev.lrlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegimeTest {

    @ParameterizedTest(name = "ηλ={0}, β={1} → {2}")
    @CsvSource({
            // plain GD on λmax = 10 (S1): η = 0.05, 0.15, 0.19, 0.21
            "0.5, 0, CONVERGING",
            "1.0, 0, CONVERGING",
            "1.5, 0, OSCILLATING",
            "1.9, 0, OSCILLATING",
            "2.0, 0, UNSTABLE",
            "2.1, 0, UNSTABLE",
            // heavy ball, β = 0.9: edge at 2(1+β) = 3.8; complex roots for (1.9 − x)² < 3.6
            "0.001, 0.9, CONVERGING",
            "0.5, 0.9, OSCILLATING",
            "3.7, 0.9, OSCILLATING",
            "3.8, 0.9, UNSTABLE",
            // β = 0.1: real roots while (1.1 − x)² ≥ 0.4, i.e. x ≤ 0.467
            "0.4, 0.1, CONVERGING",
            "0.8, 0.1, OSCILLATING",
            "NaN, 0, UNSTABLE",
    })
    void classifiesTheStiffestDirection(double x, double beta, Regime expected) {
        assertThat(Regime.of(x, beta)).isEqualTo(expected);
    }
}
