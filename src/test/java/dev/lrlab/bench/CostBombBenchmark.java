package dev.lrlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.WorkQueue;
import dev.lrlab.experiment.sweep.SweepParameter;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.spec.Limits;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * The most CPU one request can take at the default caps and time limit (10 s): the heaviest spec
 * of each kind just under the work cap, sent once each, with the CPU time of the pool's threads
 * (and of the whole process) measured from before the request until the pool is idle again.
 * Run: {@code mvn -B -q -DskipFrontend test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.lrlab.bench.CostBombBenchmark}.
 */
public final class CostBombBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();

    static long poolCpuNanos() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("bomb-")) {
                sum += Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    interface Request {
        void send() throws Exception;
    }

    static void measure(String name, Request r) throws Exception {
        long pool0 = poolCpuNanos();
        long proc0 = processCpuNanos();
        long t0 = System.nanoTime();
        String outcome;
        try {
            r.send();
            outcome = "answered";
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(1000); // anything still running after the answer is counted too
        System.out.printf("%-44s %-22s wall %5.2f s  pool CPU %5.2f s  process CPU %5.2f s%n", name, outcome, wall,
                (poolCpuNanos() - pool0) / 1e9, (processCpuNanos() - proc0) / 1e9);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExperimentService s = new ExperimentService(Limits.DEFAULT,
                new WorkQueue("bomb", 2 * cores, 64, 5000, 10_000))) {
            Sweeps sweeps = new Sweeps(s, Sweeps.DEFAULT_MAX_POINTS);
            String curvature = """
                    {"landscape":{"type":"rosenbrock"},"runs":[{"steps":28000,"optimizer":{"type":"sgd","lr":0.001},
                     "schedule":{"type":"curvature","powerIterations":1000}}]}""";
            String wide = """
                    {"landscape":{"type":"linearRegression","n":200,"features":10000},
                     "runs":[{"steps":280,"optimizer":{"type":"sgd","lr":0.01}}]}""";
            String minibatch = """
                    {"landscape":{"type":"linearRegression","n":1000000,"features":2},
                     "runs":[{"steps":22,"optimizer":{"type":"sgd","lr":0.01},
                              "noise":{"type":"minibatch","batchSize":1000000}}]}""";
            String dense = """
                    {"landscape":{"type":"linearRegression","n":7812,"features":256},
                     "runs":[{"steps":340,"optimizer":{"type":"adam","lr":0.01}}]}""";
            String probe = "{\"landscape\":{\"type\":\"linearRegression\",\"n\":1,\"features\":10000},"
                    + "\"runs\":[{\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";
            measure("probe: analyze n 1, features 10000", () -> s.analyze(spec(probe)));
            for (var e : Map.of("curvature 1000 iterations × 28000 steps", curvature, "wide data 200 × 10000",
                    wide, "minibatch 10⁶ rows", minibatch, "dense data 7812 × 256", dense).entrySet()) {
                measure("simulate " + e.getKey(), () -> s.simulateJson(e.getValue().getBytes()));
            }
            String sweepBase = """
                    {"landscape":{"type":"rosenbrock"},"runs":[{"steps":2800,"optimizer":{"type":"sgd","lr":0.001},
                     "schedule":{"type":"curvature","powerIterations":1000}}]}""";
            measure("sweep 10 points of curvature runs", () -> sweeps.run(sweeps.prepare(spec(sweepBase),
                    List.of(SweepParameter.linRange("runs[0].seed", 0, 9, 10)))));
        }
    }
}
