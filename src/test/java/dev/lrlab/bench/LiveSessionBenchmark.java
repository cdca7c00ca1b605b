package dev.lrlab.bench;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveCapacityException;
import dev.lrlab.live.LiveScheduler;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.LiveSink;
import dev.lrlab.spec.ExperimentCompiler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Capacity of the live scheduler (a harness, not a timed test): N sessions of 2-D Adam runs on
 * Rosenbrock, all playing at 100 steps/s into counting sinks for a while, on the default
 * settings. Prints achieved steps/s per session, refusals, threads and heap per session. Run:
 * <pre>
 * mvn -B -q -DskipFrontend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lrlab.bench.LiveSessionBenchmark [-Dexec.args="runsPerSession seconds N..."]
 * </pre>
 */
public final class LiveSessionBenchmark {

    /** Counts rows and remembers the furthest step, as a UI feed would cheaply hand batches on. */
    static final class CountingSink implements LiveSink {
        volatile long rows;
        volatile int step;

        @Override
        public void accept(LiveBatch b) {
            long r = rows;
            for (LiveBatch.RunRows rr : b.runs()) {
                r += rr.rows().steps().length;
            }
            rows = r;
            step = b.step();
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] ns = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[]{200, 500, 1000};
        CompiledExperiment experiment = experiment(runs, 100 * seconds + 2000);
        System.out.printf(Locale.ROOT, "%d run(s) of 2-D Adam per session, 100 steps/s, %d s, %d cores%n", runs,
                seconds, Runtime.getRuntime().availableProcessors());
        for (int n : ns) {
            measure(experiment, n, seconds);
        }
    }

    static CompiledExperiment experiment(int runs, int steps) {
        List<Object> rs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rs.add(Map.of("start", List.of(-1.5, 2), "steps", steps, "seed", i,
                    "optimizer", Map.of("type", "adam", "lr", 1e-3 * (i + 1))));
        }
        return new ExperimentCompiler().compile(Map.of("version", 1, "landscape", Map.of("type", "rosenbrock"),
                "runs", rs));
    }

    private static void measure(CompiledExperiment experiment, int n, int seconds) throws InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = usedHeapAfterGc();
        int threadsBefore = threads.getThreadCount();
        LiveScheduler scheduler = LiveScheduler.start(LiveScheduler.Settings.defaults());
        List<LiveSession> sessions = new ArrayList<>(n);
        List<CountingSink> sinks = new ArrayList<>(n);
        int refused = 0;
        for (int i = 0; i < n; i++) {
            LiveSession s = scheduler.open(experiment, 1, 100);
            CountingSink sink = new CountingSink();
            s.subscribe(sink);
            try {
                s.play();
            } catch (LiveCapacityException e) {
                refused++;
            }
            sessions.add(s);
            sinks.add(sink);
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        int threadsDuring = threads.getThreadCount();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double[] sps = new double[n];
        for (int i = 0; i < n; i++) {
            sps[i] = sinks.get(i).step / elapsed;
        }
        long heapDuring = usedHeapAfterGc();
        for (LiveSession s : sessions) {
            s.stop();
        }
        Thread.sleep(300);
        scheduler.close();
        Thread.sleep(200);
        int threadsAfter = threads.getThreadCount();
        Arrays.sort(sps);
        System.out.printf(Locale.ROOT,
                "N=%4d  steps/s per session min %.1f median %.1f max %.1f  refused %d  overloaded ticks %d  "
                        + "threads before %d during %d after %d  heap/session %.1f KiB  process CPU %.0f%% of one core%n",
                n, sps[0], sps[n / 2], sps[n - 1], refused, scheduler.overloadedTicks(), threadsBefore, threadsDuring,
                threadsAfter, (heapDuring - heapBefore) / 1024.0 / n, 100 * cpu / elapsed);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
