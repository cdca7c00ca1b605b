package dev.lrlab.experiment.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import dev.lrlab.testutil.MiniJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates scripts for a table of specs (every optimizer and schedule, several landscapes, games,
 * clipping, roll-back ...), runs them with /usr/bin/python3 and Debian's torch and compares every
 * recorded number with the engine within 1e-12·max(1, |x|). Skips loudly without torch (fails
 * when CI=true).
 */
class PytorchExportTest {
    static final double TOL = 1e-12;
    static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    static ExperimentService service;
    static double maxAbs;
    static double maxRel;

    static final String Q = "{\"type\":\"quadratic\",\"eigenvalues\":[1,10],\"angleDeg\":30}";
    static final String ROSEN = "{\"type\":\"rosenbrock\"}";

    /** name, landscape, run fields (without braces). */
    static final String[][] CASES = {
            {"sgd", Q, "\"steps\":120,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.15}"},
            {"sgd_momentum_dampening_wd", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"sgd\",\"lr\":2e-4,\"momentum\":0.8,\"dampening\":0.3,\"weightDecay\":0.01}"},
            {"sgd_nesterov_step", Q, "\"steps\":100,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9,\"nesterov\":true,\"weightDecay\":0.001},\"schedule\":{\"type\":\"step\",\"stepSize\":30,\"gamma\":0.5}"},
            {"adagrad_lrdecay_multistep", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"adagrad\",\"lr\":0.05,\"lrDecay\":0.01,\"initialAccumulatorValue\":0.1,\"weightDecay\":0.001},\"schedule\":{\"type\":\"multiStep\",\"milestones\":[40,90,90]}"},
            {"rmsprop_centered_momentum_exp", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"rmsprop\",\"lr\":3e-4,\"alpha\":0.9,\"momentum\":0.5,\"centered\":true,\"eps\":1e-6},\"schedule\":{\"type\":\"exponential\",\"gamma\":0.99}"},
            {"rmsprop_cyclic_triangular2", Q, "\"steps\":150,\"optimizer\":{\"type\":\"rmsprop\",\"lr\":0.01},\"schedule\":{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"stepSizeUp\":20,\"mode\":\"triangular2\"}"},
            {"adadelta_expk", Q, "\"steps\":150,\"optimizer\":{\"type\":\"adadelta\",\"rho\":0.95},\"schedule\":{\"type\":\"exponential\",\"k\":0.01}"},
            {"adam_amsgrad_inversetime", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"adam\",\"lr\":0.01,\"beta1\":0.8,\"beta2\":0.99,\"amsgrad\":true},\"schedule\":{\"type\":\"inverseTime\",\"k\":0.05}"},
            {"adam_cyclic_exp_range_beta1", Q, "\"steps\":150,\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"schedule\":{\"type\":\"cyclic\",\"baseLr\":0.005,\"maxLr\":0.05,\"stepSizeUp\":15,\"mode\":\"exp_range\",\"gamma\":0.99}"},
            {"adamw_cosine", Q, "\"steps\":150,\"optimizer\":{\"type\":\"adamw\",\"lr\":0.05,\"weightDecay\":0.5},\"schedule\":{\"type\":\"cosine\",\"tMax\":100}"},
            {"adamax_warm_restarts", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"adamax\",\"lr\":0.01,\"weightDecay\":0.01},\"schedule\":{\"type\":\"cosineWarmRestarts\",\"t0\":10,\"tMult\":2,\"etaMin\":0.001}"},
            {"nadam_onecycle_cos", Q, "\"steps\":150,\"optimizer\":{\"type\":\"nadam\",\"lr\":0.05},\"schedule\":{\"type\":\"oneCycle\",\"maxLr\":0.05}"},
            {"nadam_decoupled_linear", Q, "\"steps\":100,\"optimizer\":{\"type\":\"nadam\",\"lr\":0.05,\"weightDecay\":0.1,\"decoupledWeightDecay\":true,\"momentumDecay\":0.01},\"schedule\":{\"type\":\"linear\",\"startFactor\":0.25,\"totalIters\":50}"},
            {"radam_constantfactor", ROSEN, "\"steps\":150,\"optimizer\":{\"type\":\"radam\",\"lr\":2e-4,\"beta1\":0.85,\"beta2\":0.99,\"weightDecay\":0.01},\"schedule\":{\"type\":\"constantFactor\",\"factor\":0.5,\"totalIters\":40}"},
            {"radam_decoupled_polynomial", Q, "\"steps\":100,\"optimizer\":{\"type\":\"radam\",\"lr\":0.05,\"weightDecay\":0.1,\"decoupledWeightDecay\":true},\"schedule\":{\"type\":\"polynomial\",\"totalIters\":80,\"power\":2}"},
            {"sgd_onecycle_linear_three_phase", Q, "\"steps\":200,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9},\"schedule\":{\"type\":\"oneCycle\",\"maxLr\":0.1,\"annealStrategy\":\"linear\",\"threePhase\":true}"},
            {"sgd_cyclic_triangular_momentum", Q, "\"steps\":120,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9},\"schedule\":{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1,\"stepSizeUp\":20}"},
            {"sequential_warmup_cosine", Q, "\"steps\":150,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"schedule\":{\"type\":\"sequential\",\"schedules\":[{\"type\":\"linear\",\"startFactor\":0.1,\"totalIters\":20},{\"type\":\"cosine\",\"tMax\":130}],\"milestones\":[20]}"},
            {"scaled_restarts_reset", Q, "\"steps\":150,\"resetMomentumOnRestart\":true,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9},\"schedule\":{\"type\":\"scaled\",\"schedule\":{\"type\":\"cosineWarmRestarts\",\"t0\":30},\"envelope\":{\"type\":\"inverseTime\",\"k\":0.02}}"},
            {"curvature_quadratic", Q, "\"steps\":60,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.01},\"schedule\":{\"type\":\"curvature\"}"},
            {"float16_adam", Q, "\"steps\":100,\"optimizer\":{\"type\":\"adam\",\"lr\":0.05,\"precision\":\"float16\"}"},
            {"eps_inside_rmsprop", Q, "\"steps\":100,\"optimizer\":{\"type\":\"rmsprop\",\"lr\":0.01,\"epsPlacement\":\"inside\",\"eps\":1e-4}"},
            {"clip_and_every", Q, "\"steps\":100,\"clipNorm\":1,\"record\":{\"every\":7},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.19}"},
            {"rollback", Q, "\"steps\":100,\"rollback\":{\"ratio\":1.5,\"factor\":0.5},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.25}"},
            {"diverges", "{\"type\":\"quadratic\",\"eigenvalues\":[1,10]}", "\"steps\":400,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.21}"},
            {"double_well", "{\"type\":\"doubleWell\"}", "\"steps\":150,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.02,\"momentum\":0.5}"},
            {"flat_sharp", "{\"type\":\"flatSharp\"}", "\"steps\":150,\"optimizer\":{\"type\":\"adam\",\"lr\":0.05}"},
            {"non_stationary", "{\"type\":\"nonStationary\",\"base\":{\"type\":\"quadratic\",\"eigenvalues\":[1,4]},\"atStep\":50,\"gradientScale\":10}", "\"steps\":120,\"optimizer\":{\"type\":\"rmsprop\",\"lr\":0.01}"},
            {"linear_regression", "{\"type\":\"linearRegression\",\"n\":50,\"features\":2,\"featureScale\":[1,3]}", "\"steps\":100,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05}"},
            {"linear_regression_minibatch", "{\"type\":\"linearRegression\",\"n\":50}", "\"steps\":100,\"noise\":{\"type\":\"minibatch\",\"batchSize\":5},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05}"},
            {"game_simultaneous", "{\"type\":\"bilinear\"}", "\"steps\":100,\"game\":{\"method\":\"simultaneous\"},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}"},
            {"game_alternating", "{\"type\":\"bilinear\"}", "\"steps\":100,\"game\":{\"method\":\"alternating\"},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}"},
            {"game_optimistic", "{\"type\":\"quadraticGame\"}", "\"steps\":100,\"game\":{\"method\":\"optimistic\",\"yOptimizer\":{\"type\":\"adam\",\"lr\":0.05}},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.5}"},
            {"game_extragradient", "{\"type\":\"bilinear\"}", "\"steps\":100,\"game\":{\"method\":\"extragradient\"},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"schedule\":{\"type\":\"cosine\",\"tMax\":100}"},
    };

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = new ExperimentService(Limits.DEFAULT, 1, 60_000);
    }

    @AfterAll
    static void stop() {
        service.close();
        System.out.printf("PytorchExportTest: max abs error %.3g, max rel error %.3g over %d specs%n", maxAbs, maxRel,
                CASES.length);
    }

    static boolean torchAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Compiled compile(String landscape, String run) {
        return service.compile(MiniJson.object("{\"landscape\":" + landscape + ",\"runs\":[{\"label\":\"r\"," + run + "}]}"));
    }

    @Test
    void exactnessNamesTheRandomParts() {
        assertTrue(PytorchExport.exactness(compile(Q, "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}")).exact());
        PytorchExport.Exactness e = PytorchExport.exactness(compile(Q,
                "\"noise\":{\"type\":\"gaussian\",\"sigma\":0.1},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}"));
        assertFalse(e.exact());
        assertEquals(PytorchExport.Cause.GAUSSIAN_NOISE, e.reasons().get(0).cause());
        String script = PytorchExport.script(compile(Q,
                "\"noise\":{\"type\":\"gaussian\",\"sigma\":0.1},\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}"));
        assertTrue(script.contains("NOT EXACT"));
    }

    @Test
    void scriptsReproduceTheEngine() throws Exception {
        if (!torchAvailable()) {
            String msg = "!!!!! PytorchExportTest SKIPPED: " + PYTHON + " cannot import torch (apt-get install python3-torch) !!!!!";
            System.err.println(msg);
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        List<String> failures = new ArrayList<>();
        for (String[] c : CASES) {
            try {
                check(c[0], compile(c[1], c[2]));
            } catch (AssertionError | RuntimeException e) {
                failures.add(c[0] + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES.length + " specs differ:\n" + String.join("\n", failures));
        }
    }

    private void check(String name, Compiled compiled) throws Exception {
        Path script = dir.resolve(name + ".py");
        Files.writeString(script, PytorchExport.script(compiled));
        Process p = new ProcessBuilder(PYTHON, script.toString()).directory(dir.toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed: " + Files.readString(dir.resolve(name + ".err")));
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        RunResult r = ExperimentRunner.run(compiled.engine()).runs().get(0);
        assertEquals("# run r", lines.get(0));
        int dim = compiled.landscape().dim();
        assertEquals(r.steps().length, lines.size() - 2, "rows");
        for (int i = 0; i < r.steps().length; i++) {
            String[] f = lines.get(i + 2).split(",", -1);
            assertEquals(r.steps()[i], Integer.parseInt(f[0]), "step of row " + i);
            for (int k = 0; k < r.recordedDim(); k++) {
                close(r.theta()[i][k], f[1 + k], "theta_" + k + " at step " + r.steps()[i]);
            }
            close(r.loss()[i], f[1 + dim], "loss at step " + r.steps()[i]);
            if (i < r.lr().length) {
                close(r.lr()[i], f[2 + dim], "lr at step " + r.steps()[i]);
            } else {
                assertEquals("", f[2 + dim], "lr of the last row");
            }
        }
    }

    private static void close(double want, String cell, String what) {
        double got = Double.parseDouble(cell);
        double abs = Math.abs(got - want);
        double err = abs / Math.max(1, Math.abs(want));
        maxAbs = Math.max(maxAbs, abs);
        maxRel = Math.max(maxRel, err);
        if (!(err <= TOL)) {
            throw new AssertionError(what + ": engine " + want + ", script " + got);
        }
    }
}
