package dev.lrlab.bench;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.sweep.StabilityMap;
import dev.lrlab.experiment.sweep.SweepResult;
import dev.lrlab.experiment.sweep.SweepSpec;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.spec.Limits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The stability map of the budget (&lt; 1 s): 100 × 100 (η, β) points of 200-step SGD runs on
 * the 2-D quadratic, every point compiled and simulated on the bounded pool (as many workers as
 * cores). {@code prepare} (validating every value) is measured too: a request pays both.
 * <pre>
 * mvn -B -q -DskipFrontend test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q -DskipFrontend dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *      dev.lrlab.bench.SweepBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SweepBenchmark {
    ExperimentService service;
    Sweeps sweeps;
    SweepSpec map;

    @Setup(Level.Trial)
    public void setup() {
        service = new ExperimentService(Limits.DEFAULT, 2 * Runtime.getRuntime().availableProcessors(), 60_000);
        sweeps = new Sweeps(service, Sweeps.DEFAULT_MAX_POINTS);
        map = StabilityMap.prepare(sweeps, 100, 100);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
    }

    @Benchmark
    public SweepResult stabilityMap100x100() {
        return sweeps.run(map);
    }

    @Benchmark
    public SweepSpec prepare100x100() {
        return StabilityMap.prepare(sweeps, 100, 100);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(SweepBenchmark.class.getSimpleName()).build()).run();
    }
}
