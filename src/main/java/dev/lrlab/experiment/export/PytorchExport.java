package dev.lrlab.experiment.export;

import dev.lrlab.experiment.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An experiment as one standalone Python 3 script using torch, torch.optim and
 * torch.optim.lr_scheduler: the landscape as a torch function of θ, each run's start,
 * optimizer, schedule and stages, and the training loop LR Lab runs. Running it prints each run as
 * {@code # run <label>} and CSV {@code step,theta_0,…,loss,lr}. Deterministic runs reproduce LR Lab's
 * float64 numbers (to rounding); {@link #exactness} says which runs cannot.
 */
public final class PytorchExport {
    public static final String FILE_NAME = "lrlab_experiment.py";
    public static final String MEDIA_TYPE = "text/x-python";

    private PytorchExport() {
    }

    /** Why a run's numbers from the script differ from LR Lab's. */
    public enum Cause {
        GAUSSIAN_NOISE("export.inexact.gaussian", "gaussian gradient noise comes from a different random generator"),
        THERMOSTAT("export.inexact.thermostat", "the noise thermostat draws from a different random generator"),
        DATA_TOO_LARGE("export.inexact.data", "the data set is too large to embed, the script generates its own");

        private final String messageKey;
        private final String english;

        Cause(String messageKey, String english) {
            this.messageKey = messageKey;
            this.english = english;
        }

        /** i18n key of the UI's note. */
        public String messageKey() {
            return messageKey;
        }

        public String english() {
            return english;
        }
    }

    /** One run that the script cannot reproduce exactly, and why. */
    public record Reason(int run, String label, Cause cause) {
        /** "run_1: …" by the run's function, never its label: this text goes into the script's docstring. */
        @Override
        public String toString() {
            return "run_" + run + ": " + cause.english();
        }
    }

    /** EXACT (no reasons) or the runs whose numbers differ. */
    public record Exactness(List<Reason> reasons) {
        public static final Exactness EXACT = new Exactness(List.of());

        public Exactness {
            reasons = List.copyOf(reasons);
        }

        public boolean exact() {
            return reasons.isEmpty();
        }
    }

    public static Exactness exactness(Compiled c) {
        Map<String, Object> canon = c.canonical();
        boolean bigData = LandscapeCode.dataTooLarge(Py.map(canon, "landscape"));
        List<Reason> out = new ArrayList<>();
        List<Map<String, Object>> runs = Py.maps(canon, "runs");
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> r = runs.get(i);
            String label = Py.s(r, "label");
            Map<String, Object> noise = Py.map(r, "noise");
            if (noise != null && noise.get("type").equals("gaussian") && Py.d(noise, "sigma") != 0) {
                out.add(new Reason(i, label, Cause.GAUSSIAN_NOISE));
            }
            if (noise != null && noise.get("type").equals("thermostat")) {
                out.add(new Reason(i, label, Cause.THERMOSTAT));
            }
            if (bigData) {
                out.add(new Reason(i, label, Cause.DATA_TOO_LARGE));
            }
        }
        return out.isEmpty() ? Exactness.EXACT : new Exactness(out);
    }

    public static String script(Compiled c) {
        Map<String, Object> canon = c.canonical();
        Map<String, Object> land = Py.map(canon, "landscape");
        List<Map<String, Object>> runs = Py.maps(canon, "runs");
        boolean game = c.landscape().isGame();
        boolean ownRule = false;
        boolean mirror = false;
        boolean curvature = false;
        boolean minibatch = false;
        for (Map<String, Object> r : runs) {
            Map<String, Object> o = Py.map(r, "optimizer");
            ownRule |= OptimizerCode.mayNeedOwnRule(o);
            if (game) {
                ownRule |= OptimizerCode.mayNeedOwnRule(Py.map(Py.map(r, "game"), "yOptimizer"));
            }
            Map<String, Object> s = Py.map(r, "schedule");
            mirror |= ScheduleCode.needsMirror(s, Py.b(r, "resetMomentumOnRestart"), Py.s(o, "type"));
            curvature |= s.get("type").equals("curvature");
            Map<String, Object> noise = Py.map(r, "noise");
            minibatch |= noise != null && noise.get("type").equals("minibatch");
        }
        StringBuilder sb = new StringBuilder();
        sb.append(header(c, land, runs));
        sb.append("import argparse\nimport copy\nimport inspect\nimport math\nimport os\nimport sys\n\nimport torch\n\n");
        sb.append("# float64 everywhere, as LR Lab computes\ntorch.set_default_dtype(torch.float64)\n\n");
        sb.append(section("The landscape: " + c.landscape().displayName(), LandscapeCode.lesson(land)));
        sb.append(LandscapeCode.code(land, c.landscape()));
        sb.append("\n\n").append(resource("runtime.py"));
        if (game) {
            sb.append("\n\n").append(resource("game.py"));
        }
        if (mirror) {
            sb.append("\n\n").append(resource("schedules.py"));
        }
        if (ownRule) {
            sb.append("\n\n").append(resource("optim.py"));
        }
        if (curvature) {
            sb.append("\n\n").append(resource("curvature.py"));
        }
        if (minibatch) {
            sb.append("\n\n").append(resource("minibatch.py"));
        }
        sb.append("\n\n").append(section("The runs", "One function per run: start, optimizer, schedule, stages."));
        for (int i = 0; i < runs.size(); i++) {
            sb.append(RunCode.code(i, runs.get(i), game, c.landscape().dim()));
        }
        sb.append("\n\nRUNS = [\n");
        for (int i = 0; i < runs.size(); i++) {
            sb.append("    (").append(Py.str(Py.s(runs.get(i), "label"))).append(", run_").append(i).append("),\n");
        }
        sb.append("]\n\n\n").append(resource("main.py"));
        return sb.toString();
    }

    private static String header(Compiled c, Map<String, Object> land, List<Map<String, Object>> runs) {
        StringBuilder sb = new StringBuilder("#!/usr/bin/env python3\n\"\"\"An LR Lab experiment as a PyTorch script: ");
        // the app's own name of the landscape (never user text), kept free of quotes and backslashes
        sb.append(c.landscape().displayName().replace("\"", "'").replace("\\", "/")).append(".\n\n");
        sb.append(LandscapeCode.lesson(land)).append("\n\n");
        // runs by their function's name: labels are the user's text and appear only as string
        // literals (RUNS below), never inside this docstring, where a """ in one would end it
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> r = runs.get(i);
            Map<String, Object> o = Py.map(r, "optimizer");
            sb.append("  run_").append(i).append(": ")
                    .append(o.get("type")).append(" lr=").append(Py.num(o, "lr")).append(", ")
                    .append(ScheduleCode.lesson(Py.map(r, "schedule"))).append(", ").append(Py.integer(r, "steps"))
                    .append(" steps\n");
        }
        Exactness ex = exactness(c);
        sb.append('\n').append(ex.exact()
                ? "Every run is deterministic: the numbers match LR Lab's in float64 (to rounding, ~1e-12).\n"
                : "Not exact: " + String.join("; ", ex.reasons().stream().map(Reason::toString).toList()) + ".\n");
        sb.append("\nUsage: python3 " + FILE_NAME + " [--csv DIR]   (needs PyTorch; written for 2.x, runs on 1.13)\n\"\"\"\n");
        return sb.toString();
    }

    private static String section(String title, String text) {
        String rule = "# " + "-".repeat(93) + "\n";
        return rule + Py.comment("", title + "\n" + text) + rule;
    }

    private static String resource(String name) {
        try (InputStream in = PytorchExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
