package dev.lrlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.spec.Params;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Out-of-place steps (used by the engine to skip copying θ) equal in-place steps bit for bit. */
class StepIntoTest {

    @Test
    void stepIntoEqualsStepForEveryOptimizer() {
        List<Map<String, Object>> specs = List.of(
                Map.of("type", "adam", "lr", 0.01),
                Map.of("type", "adam", "lr", 0.01, "weightDecay", 0.1),
                Map.of("type", "adam", "lr", 0.01, "amsgrad", true),
                Map.of("type", "adamw", "lr", 0.01),
                Map.of("type", "adam", "lr", 0.01, "precision", "float16"),
                Map.of("type", "adam", "lr", 0.01, "epsPlacement", "inside"),
                Map.of("type", "sgd", "lr", 0.01, "momentum", 0.9),
                Map.of("type", "rmsprop", "lr", 0.01),
                Map.of("type", "nadam", "lr", 0.01),
                Map.of("type", "radam", "lr", 0.01),
                Map.of("type", "adamax", "lr", 0.01),
                Map.of("type", "adagrad", "lr", 0.01),
                Map.of("type", "adadelta", "lr", 1.0));
        for (int n : new int[]{2, 7, 200_003}) {
            for (Map<String, Object> spec : specs) {
                Optimizer a = OptimizerFactory.create(Params.root(spec), n);
                Optimizer b = OptimizerFactory.create(Params.root(spec), n);
                SplittableRandom r = new SplittableRandom(3);
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = r.nextDouble(-3, 3);
                }
                double[] q = p.clone();
                double[] out = new double[n];
                for (int step = 1; step <= 4; step++) {
                    double[] g = new double[n];
                    for (int i = 0; i < n; i++) {
                        g[i] = (1 + i % 5) * p[i] + 0.1;
                    }
                    double[] before = q.clone();
                    a.step(p, g.clone(), step, 0.01, Double.NaN);
                    b.stepInto(q, out, g.clone(), step, 0.01, Double.NaN);
                    assertArrayEquals(before, q, 0.0, spec + ": in changed");
                    assertArrayEquals(p, out, 0.0, spec + " n=" + n + " step " + step);
                    double[] t = q;
                    q = out;
                    out = t;
                }
            }
        }
    }
}
