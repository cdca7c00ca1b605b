package dev.lrlab.core.engine;

import dev.lrlab.core.landscape.Landscape;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a compiled experiment to the end, run after run, on the calling thread. Checks
 * {@link Thread#interrupted()} every 4096 steps and throws
 * {@link java.util.concurrent.CancellationException} when the request was cancelled.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    public static ExperimentResult run(CompiledExperiment compiled) {
        Landscape l = compiled.landscape();
        List<RunResult> out = new ArrayList<>();
        for (RunConfig cfg : compiled.runs()) {
            RunSimulator sim = new RunSimulator(l, cfg, true);
            sim.runToEnd();
            out.add(result(sim));
        }
        return new ExperimentResult(compiled.canonicalSpec(), l.displayName(), l.dim(), l.viewBox(), l.minima(), out);
    }

    /** The result of a finished (or stopped) simulation. */
    public static RunResult result(RunSimulator sim) {
        Landscape l = sim.landscape();
        RunConfig cfg = sim.config();
        Recorder.Rows rows = sim.recorder().read();
        double[] start = cfg.start();
        double[] end = sim.theta();
        Analysis.Hessian hs = Analysis.hessian(l, start);
        Analysis.Hessian he = Analysis.hessian(l, end);
        double firstLr = Double.isNaN(sim.firstLr()) ? firstLrGuess(l, cfg, hs) : sim.firstLr();
        Analysis.Preview pv = Analysis.preview(hs, firstLr, cfg.momentumBeta());
        Landscape test = l.testLandscape();
        Double testLoss = test == null ? null : Analysis.finite(test.value(end));
        RunResult.RunAnalysis a = new RunResult.RunAnalysis(hs, he, pv, he.lambdaMax(), testLoss, sim.loss(),
                sim.lrSum(), sim.lrSquaredSum(), sim.lrMultiplier(), sim.rollbacks());
        boolean diverged = sim.status() == RunSimulator.Status.DIVERGED;
        return new RunResult(cfg.label(), cfg.color(), sim.status().json(), diverged ? sim.divergedAtStep() : null,
                sim.currentStep(), sim.recorder().recordedDim(), rows.steps(), rows.theta(), rows.loss(), rows.lr(),
                rows.gradNorm(), rows.updateNorm(), rows.equilibriumDistance(), a);
    }

    /** The lr of update 1 without running it (the curvature schedule uses 2·safety/λmax at the start). */
    public static double firstLrGuess(Landscape l, RunConfig cfg, Analysis.Hessian atStart) {
        if (cfg.schedule() instanceof dev.lrlab.core.schedule.CurvatureSchedule cs) {
            Double lm = atStart.lambdaMax();
            return lm != null && Math.abs(lm) > 1e-12 ? 2 * cs.safety() / Math.abs(lm) : cfg.baseLr();
        }
        return cfg.schedule().lr(0);
    }

    /** The analysis the UI shows before Run, for one run of a compiled experiment. */
    public static Analysis.Preview preview(CompiledExperiment compiled, int runIndex) {
        Landscape l = compiled.landscape();
        RunConfig cfg = compiled.runs().get(runIndex);
        Analysis.Hessian hs = Analysis.hessian(l, cfg.start());
        return Analysis.preview(hs, firstLrGuess(l, cfg, hs), cfg.momentumBeta());
    }
}
