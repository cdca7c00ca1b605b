package dev.lrlab.ui.playground;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.live.SteppedJob;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps every run of an experiment in lockstep (one step of each per tick, so they animate
 * together) and hands over the rows recorded since the last batch.
 */
final class PlaygroundJob implements SteppedJob<PlaygroundJob.Batch> {

    /** New rows of one run, with its status after them. */
    record RunBatch(int run, Recorder.Rows rows, RunSimulator.Status status, int divergedAtStep, int currentStep) {
    }

    /** One push: a RunBatch per run. */
    record Batch(List<RunBatch> runs) {
        int maxStep() {
            int m = 0;
            for (RunBatch r : runs) {
                m = Math.max(m, r.currentStep());
            }
            return m;
        }
    }

    private final List<RunSimulator> sims = new ArrayList<>();
    private final int[] rowsRead;
    private final int[] updatesRead;

    /** @param stride record every stride-th state (long runs are thinned for the browser) */
    PlaygroundJob(CompiledExperiment experiment, int stride) {
        for (RunConfig cfg : experiment.runs()) {
            sims.add(new RunSimulator(experiment.landscape(), cfg.withRecordEvery(stride), true));
        }
        rowsRead = new int[sims.size()];
        updatesRead = new int[sims.size()];
    }

    List<RunSimulator> simulators() {
        return sims;
    }

    @Override
    public boolean advance(int n) {
        boolean any = false;
        for (int i = 0; i < n; i++) {
            any = false;
            for (RunSimulator sim : sims) {
                if (sim.status() == RunSimulator.Status.RUNNING) {
                    sim.step();
                    any |= sim.status() == RunSimulator.Status.RUNNING;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (RunSimulator sim : sims) {
            any |= sim.status() == RunSimulator.Status.RUNNING;
        }
        return any;
    }

    @Override
    public Batch takeBatch() {
        List<RunBatch> out = new ArrayList<>(sims.size());
        for (int i = 0; i < sims.size(); i++) {
            RunSimulator sim = sims.get(i);
            Recorder.Rows rows = sim.recorder().read(rowsRead[i], updatesRead[i]);
            rowsRead[i] += rows.steps().length;
            updatesRead[i] += rows.lr().length;
            out.add(new RunBatch(i, rows, sim.status(), sim.divergedAtStep(), sim.currentStep()));
        }
        return new Batch(out);
    }
}
