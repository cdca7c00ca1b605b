package dev.lrlab.bench;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import java.nio.charset.StandardCharsets;
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
 * The POST /api/simulate path in-process: spec JSON bytes → parse → compile → run on the bounded
 * pool → result JSON string. 8 runs × 10,000 steps of Adam on Rosenbrock (the target: < 100 ms).
 * <pre>
 * mvn -B -q -DskipFrontend test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *      dev.lrlab.bench.ApiBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiBenchmark {
    static final String SPEC = spec("");
    /** The same with every 10th row recorded: the JSON is 10× smaller. */
    static final String SPEC_THINNED = spec(",\"record\":{\"every\":10}");

    static String spec(String extra) {
        StringBuilder sb = new StringBuilder("{\"landscape\":{\"type\":\"rosenbrock\"},\"runs\":[");
        for (int i = 0; i < 8; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"label\":\"Adam ").append(i).append("\",\"start\":[-1.5,")
                    .append(1 + 0.1 * i).append("],\"steps\":10000,\"optimizer\":{\"type\":\"adam\",\"lr\":")
                    .append(0.001 * (i + 1)).append("}").append(extra).append("}");
        }
        return sb.append("]}").toString();
    }

    ExperimentService service;
    byte[] body;
    byte[] thinned;

    @Setup(Level.Trial)
    public void setup() {
        service = new ExperimentService(Limits.DEFAULT, 4, 10_000);
        body = SPEC.getBytes(StandardCharsets.UTF_8);
        thinned = SPEC_THINNED.getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
    }

    @Benchmark
    public String simulate8x10k() {
        return service.simulateJson(body);
    }

    @Benchmark
    public String simulate8x10kRecordEvery10() {
        return service.simulateJson(thinned);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(ApiBenchmark.class.getSimpleName()).build()).run();
    }
}
