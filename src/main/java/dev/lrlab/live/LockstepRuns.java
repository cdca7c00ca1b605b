package dev.lrlab.live;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps every run of an experiment in lockstep (one step of each per lockstep step, so they
 * animate together) and hands over the rows recorded since the last batch. Confined to the
 * thread that steps it: nothing here is shared.
 */
final class LockstepRuns {

    private final List<RunSimulator> sims = new ArrayList<>();
    private final int[] rowsRead;
    private final int[] updatesRead;
    private int step;

    /** @param stride record every stride-th state (long runs are thinned for the browser) */
    LockstepRuns(CompiledExperiment experiment, int stride) {
        for (RunConfig cfg : experiment.runs()) {
            sims.add(new RunSimulator(experiment.landscape(), cfg.withRecordEvery(stride), true));
        }
        rowsRead = new int[sims.size()];
        updatesRead = new int[sims.size()];
    }

    /** Lockstep steps done. */
    int step() {
        return step;
    }

    boolean running() {
        for (RunSimulator sim : sims) {
            if (sim.status() == RunSimulator.Status.RUNNING) {
                return true;
            }
        }
        return false;
    }

    /** Advances every running run by up to {@code n} steps; returns how many lockstep steps were done. */
    int advance(int n) {
        int done = 0;
        while (done < n) {
            boolean any = false;
            for (RunSimulator sim : sims) {
                if (sim.status() == RunSimulator.Status.RUNNING) {
                    sim.step();
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            done++;
        }
        step += done;
        return done;
    }

    /** Rows produced since the previous call, every run included (possibly with no rows). */
    List<LiveBatch.RunRows> take() {
        List<LiveBatch.RunRows> out = new ArrayList<>(sims.size());
        for (int i = 0; i < sims.size(); i++) {
            RunSimulator sim = sims.get(i);
            Recorder.Rows rows = sim.recorder().read(rowsRead[i], updatesRead[i]);
            rowsRead[i] += rows.steps().length;
            updatesRead[i] += rows.lr().length;
            out.add(new LiveBatch.RunRows(i, rows, sim.status(), sim.divergedAtStep(), sim.currentStep()));
        }
        return out;
    }
}
