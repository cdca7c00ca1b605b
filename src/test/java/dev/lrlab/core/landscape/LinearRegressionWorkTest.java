package dev.lrlab.core.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.work.WorkGuard;
import dev.lrlab.spec.ExperimentCompiler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A data landscape builds nothing until used, keeps no p × p matrix for many features, and stops at its guard. */
@Timeout(30)
class LinearRegressionWorkTest {

    static double[] ones(int p) {
        double[] s = new double[p];
        Arrays.fill(s, 1);
        return s;
    }

    @Test
    void compilingTheProbesSpecGeneratesNoData() {
        // the 143-byte probe: on main this compile alone built a 10,000 × 10,000 XᵀX (800 MB)
        CompiledExperiment c = new ExperimentCompiler().compile(Map.of(
                "landscape", Map.of("type", "linearRegression", "n", 1, "features", 10_000),
                "runs", List.of(Map.of("optimizer", Map.of("type", "sgd", "lr", 0.1)))));
        LinearRegression l = (LinearRegression) c.landscape();
        assertThat(l.built()).isFalse();
        assertThat(l.minima()).isEmpty(); // no exact minimum above 256 features, and nothing built for it
        assertThat(l.built()).isFalse();
        double[] g = new double[10_000];
        l.valueAndGradient(new double[10_000], g);
        assertThat(l.built()).isTrue();
    }

    @Test
    void manyFeaturesGiveHessianVectorProductsThroughTheData() {
        int p = 300; // above the dense limit of 256
        LinearRegression l = new LinearRegression(40, p, ones(p), 0.1, 3);
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            v[i] = Math.sin(i + 1.0);
        }
        double[] hv = new double[p];
        l.hessianVectorProduct(new double[p], v, hv, new double[p], new double[p]);
        double[][] h = l.hessian(new double[p]); // XᵀX/n row by row
        for (int i = 0; i < p; i += 37) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += h[i][j] * v[j];
            }
            assertThat(hv[i]).isCloseTo(s, within(1e-9 * Math.max(1, Math.abs(s))));
        }
        assertThat(l.hessianVectorCost()).isEqualTo(4.0 * 40 * p + 2.0 * p);
    }

    @Test
    void buildingAMillionRowsStopsAtAnExpiredGuard() throws Exception {
        LinearRegression l = new LinearRegression(1_000_000, 2, ones(2), 0.1, 1);
        WorkGuard expired = WorkGuard.forMillis(0);
        assertThatThrownBy(() -> expired.call(() -> l.value(new double[2]))).isInstanceOf(WorkGuard.Stopped.class)
                .hasMessageContaining("time limit");
        assertThat(l.built()).isFalse();
        // without a guard the same landscape builds and answers (a stopped build leaves nothing behind)
        assertThat(l.value(new double[2])).isPositive();
    }
}
