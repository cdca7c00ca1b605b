package dev.lrlab.bench;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Functions2D;
import dev.lrlab.core.landscape.Quadratic;
import dev.lrlab.core.optim.Optimizer;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.spec.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Engine throughput. Run:
 * <pre>
 * mvn -B -q -DskipFrontend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lrlab.bench.EngineBenchmark
 * </pre>
 */
@State(Scope.Thread)
public class EngineBenchmark {
    private static final int BATCH = 100_000;

    private RunSimulator rosenbrock;
    private RunSimulator bigQuadratic;
    private CompiledExperiment eightRuns;

    static IntFunction<Optimizer> adam(double lr) {
        Params p = Params.root(Map.of("type", "adam", "lr", lr));
        return d -> OptimizerFactory.create(p, d);
    }

    @Setup(Level.Iteration)
    public void setup() {
        rosenbrock = new RunSimulator(new Functions2D.Rosenbrock(1, 100),
                RunConfig.simple("adam", new double[]{-1.5, 2}, Integer.MAX_VALUE, 0, adam(1e-3), t -> 1e-3, 1e-3),
                false);
        double[] eig = new double[1_000_000];
        for (int i = 0; i < eig.length; i++) {
            eig[i] = 1 + 9.0 * i / eig.length;
        }
        double[] start = new double[eig.length];
        java.util.Arrays.fill(start, 1.0);
        bigQuadratic = new RunSimulator(Quadratic.diagonal(eig),
                RunConfig.simple("adam", start, Integer.MAX_VALUE, 0, adam(1e-3), t -> 1e-3, 1e-3), false);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(Map.of("optimizer", Map.of("type", "sgd", "lr", 1e-4 * (i + 1)), "steps", 10_000, "seed", i));
        }
        eightRuns = ExperimentCompiler.compileDefault(Map.of("landscape", Map.of("type", "rosenbrock"), "runs", runs));
    }

    /** Steps of 2-D Rosenbrock + Adam, no recording; score = steps/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public double rosenbrockAdamSteps() {
        rosenbrock.advance(BATCH);
        return rosenbrock.loss();
    }

    /** One Adam step on a 1,000,000-dim diagonal quadratic; score = ms/step. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double millionDimQuadraticAdamStep() {
        bigQuadratic.step();
        return bigQuadratic.loss();
    }

    /** Full runner (recording + analysis) on 8 runs × 10,000 steps of Rosenbrock; score = ms/experiment. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object runnerEightRuns() {
        return ExperimentRunner.run(eightRuns);
    }

    public static void main(String[] args) throws Exception {
        // under exec:java the classes come from a URLClassLoader, not java.class.path: hand the
        // forked JMH VM the real class path
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl instanceof java.net.URLClassLoader ucl) {
            StringBuilder cp = new StringBuilder();
            for (java.net.URL u : ucl.getURLs()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(new java.io.File(u.toURI()));
            }
            System.setProperty("java.class.path", cp.toString());
        }
        new Runner(new OptionsBuilder().include(EngineBenchmark.class.getSimpleName() + (args.length > 0 ? "." + args[0] : ""))
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .forks(1).build()).run();
    }
}
