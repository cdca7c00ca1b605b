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
 * Uses the real Adam from {@link OptimizerFactory} when it offers "adam", else a local
 * PyTorch-equivalent Adam (until branch optim is merged).
 */
@State(Scope.Thread)
public class EngineBenchmark {
    private static final int BATCH = 100_000;

    private RunSimulator rosenbrock;
    private RunSimulator bigQuadratic;
    private CompiledExperiment eightRuns;

    static IntFunction<Optimizer> adam(double lr) {
        if (OptimizerFactory.TYPES.contains("adam")) {
            Params p = Params.root(Map.of("type", "adam", "lr", lr));
            return d -> OptimizerFactory.create(p, d);
        }
        return d -> new LocalAdam(d, 0.9, 0.999, 1e-8);
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

    /** torch.optim.Adam (no weight decay, no amsgrad) for benchmarking only. */
    static final class LocalAdam implements Optimizer {
        private final double[] m;
        private final double[] v;
        private final double b1;
        private final double b2;
        private final double eps;

        LocalAdam(int n, double b1, double b2, double eps) {
            m = new double[n];
            v = new double[n];
            this.b1 = b1;
            this.b2 = b2;
            this.eps = eps;
        }

        @Override
        public void step(double[] p, double[] g, int step, double lr, double momentum) {
            double beta1 = Double.isNaN(momentum) ? b1 : momentum;
            double bc1 = 1 - Math.pow(beta1, step);
            double bc2 = Math.sqrt(1 - Math.pow(b2, step));
            double stepSize = lr / bc1;
            for (int i = 0; i < p.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                p[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2 + eps);
            }
        }

        @Override
        public void resetMomentum() {
            java.util.Arrays.fill(m, 0);
        }

        @Override
        public Object saveState() {
            return new double[][]{m.clone(), v.clone()};
        }

        @Override
        public void restoreState(Object s) {
            double[][] a = (double[][]) s;
            System.arraycopy(a[0], 0, m, 0, m.length);
            System.arraycopy(a[1], 0, v, 0, v.length);
        }
    }
}
