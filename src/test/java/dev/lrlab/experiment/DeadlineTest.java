package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.spec.Limits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The time limit is enforced inside the work: with the caps raised so far that the cost model lets
 * the probe's specs through, each is stopped within the limit plus half a second of wall time and of
 * server CPU (on main the curvature spec answered 422 at 10 s and burned 31.9 CPU seconds).
 */
@Timeout(60)
class DeadlineTest {
    static final long TIMEOUT_MS = 1000;
    /** Caps that let everything through: only the deadline stands between these specs and minutes of CPU. */
    static final Limits OPEN = new Limits(100_000, 10_000, 8, 1e300, 2_000_000, 8, 10_000, 1000);

    static long poolCpuNanos(String prefix) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    static void stopsWithinTheLimit(Map<String, Object> spec) throws Exception {
        try (ExperimentService s = new ExperimentService(OPEN, new WorkQueue("deadline", 1, 0, 0, TIMEOUT_MS))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.simulateJson(s.write(spec).getBytes()))
                    .isInstanceOf(TimeLimitException.class);
            double wallMs = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(300);
            double cpuMs = poolCpuNanos("deadline-") / 1e6;
            assertThat(wallMs).as("wall ms").isLessThan(TIMEOUT_MS + 500);
            assertThat(cpuMs).as("server CPU ms").isLessThan(TIMEOUT_MS + 500);
            // the slot is free again: a small job runs at once (no waiting allowed)
            assertThat(s.simulate(Map.of("landscape", Map.of("type", "rosenbrock"), "runs",
                    List.of(Map.of("steps", 5, "optimizer", Map.of("type", "sgd", "lr", 0.001))))).runs()).hasSize(1);
        }
    }

    @Test
    void theCurvatureBombStopsAtTheLimit() throws Exception {
        // the probe's spec: 10,000 power iterations on every one of 100,000 steps
        stopsWithinTheLimit(Map.of("landscape", Map.of("type", "rosenbrock"), "runs", List.of(Map.of(
                "steps", 100_000, "optimizer", Map.of("type", "sgd", "lr", 0.001),
                "schedule", Map.of("type", "curvature", "powerIterations", 10_000)))));
    }

    @Test
    void wideDataStopsAtTheLimitWhileItIsBuiltOrStepped() throws Exception {
        // 200 × 10,000 data values: one full gradient is 4·10⁶ multiply-adds, the run 10⁵ of them
        stopsWithinTheLimit(Map.of("landscape", Map.of("type", "linearRegression", "n", 200, "features", 10_000),
                "runs", List.of(Map.of("steps", 100_000, "optimizer", Map.of("type", "sgd", "lr", 0.01)))));
    }

    @Test
    void denseNormalEquationsStopAtTheLimit() throws Exception {
        // 7812 × 256: XᵀX alone is 5·10⁸ multiply-adds, then 8 runs of 256-dim eigen-decompositions
        Map<String, Object> run = Map.of("steps", 100_000, "optimizer", Map.of("type", "adam", "lr", 0.01));
        stopsWithinTheLimit(Map.of("landscape", Map.of("type", "linearRegression", "n", 7812, "features", 256),
                "runs", java.util.Collections.nCopies(8, run)));
    }
}
