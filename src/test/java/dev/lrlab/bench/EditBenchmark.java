package dev.lrlab.bench;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The server time of one form edit in the playground up to the new address bar: the workspace
 * applies the edit to the draft, compiles once, and the share code is packed from the minimal
 * form (no further compile). Eight runs; the 2-D quadratic of the default experiment and the
 * linear-regression data landscape of the S2 preset (whose data set must not be rebuilt per edit).
 * Also: opening a share code (unpack + one compile).
 * <pre>
 * mvn -B -q -DskipFrontend test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.lrlab.bench.EditBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EditBenchmark {

    @Param({"s1-stability-edge", "s2-feature-scaling"})
    public String preset;

    ExperimentService service;
    ExperimentWorkspace workspace;
    String code;
    double lr = 0.01;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setup() {
        service = new ExperimentService(Limits.DEFAULT, 2, 10_000);
        workspace = new ExperimentWorkspace(service);
        Map<String, Object> spec = new LinkedHashMap<>(PresetCatalog.standard().byId(preset).orElseThrow().spec());
        List<Object> runs = new ArrayList<>((List<Object>) spec.get("runs"));
        while (runs.size() < 8) {
            runs.add(runs.get(runs.size() % 2));
        }
        spec.put("runs", runs.subList(0, 8));
        workspace.load(spec);
        code = workspace.shareCode();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        service.close();
    }

    /** Change the selected run's lr (a form event) → compile once → share code for the address bar. */
    @Benchmark
    @SuppressWarnings("unchecked")
    public String editThenAddressBar() {
        Map<String, Object> run = workspace.draft().run(workspace.draft().selected());
        Map<String, Object> optimizer = new LinkedHashMap<>((Map<String, Object>) run.get("optimizer"));
        lr = lr == 0.01 ? 0.02 : 0.01;
        optimizer.put("lr", lr);
        run.put("optimizer", optimizer);
        workspace.setRun(run);
        return workspace.shareCode();
    }

    /** A link opened: unpack + one compile + the forms' canonical spec. */
    @Benchmark
    public Object openLink() {
        return new ExperimentWorkspace(service).open(code).canonical();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(EditBenchmark.class.getSimpleName()).build()).run();
    }
}
