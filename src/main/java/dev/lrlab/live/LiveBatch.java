package dev.lrlab.live;

import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link LiveSession} hands its sinks: the rows recorded since the previous batch (copies,
 * never the simulator's own arrays; do not modify them, one batch may go to many sinks), every
 * run's status after them, and the session's state. With {@code restart} the rows begin at row 0
 * again and replace whatever the sink had (after a backward seek, or a late subscriber's catch-up).
 *
 * @param step    lockstep steps done (the furthest run's current step)
 * @param end     why the session ended, or null while it lives
 * @param tooSlow set in the batch of the tick the scheduler paused or stopped the session because its
 *                steps are too slow to play live; null otherwise
 */
public record LiveBatch(long seq, int step, LiveSession.Mode mode, LiveSession.End end, boolean restart,
                        List<RunRows> runs, TooSlow tooSlow) {

    public LiveBatch {
        runs = List.copyOf(runs);
    }

    public LiveBatch(long seq, int step, LiveSession.Mode mode, LiveSession.End end, boolean restart,
                     List<RunRows> runs) {
        this(seq, step, mode, end, restart, runs, null);
    }

    /** New rows of one run, with its status after them. */
    public record RunRows(int run, Recorder.Rows rows, RunSimulator.Status status, int divergedAtStep,
                          int currentStep) {
    }

    public boolean ended() {
        return end != null;
    }

    public long diverged() {
        return runs.stream().filter(r -> r.status() == RunSimulator.Status.DIVERGED).count();
    }

    /**
     * One batch equivalent to receiving {@code a} then {@code b}: rows concatenated, state and
     * statuses from {@code b}. A restarting {@code b} replaces {@code a} entirely.
     */
    public static LiveBatch merge(LiveBatch a, LiveBatch b) {
        // the notice must survive a merge; once the session plays again it is old news
        TooSlow tooSlow = b.tooSlow() != null || b.mode() == LiveSession.Mode.PLAYING ? b.tooSlow() : a == null ? null
                : a.tooSlow();
        if (a == null || b.restart()) {
            return tooSlow == b.tooSlow() ? b
                    : new LiveBatch(b.seq(), b.step(), b.mode(), b.end(), b.restart(), b.runs(), tooSlow);
        }
        List<RunRows> runs = new ArrayList<>(b.runs().size());
        for (int i = 0; i < b.runs().size(); i++) {
            RunRows later = b.runs().get(i);
            Recorder.Rows rows = i < a.runs().size() ? concat(a.runs().get(i).rows(), later.rows()) : later.rows();
            runs.add(new RunRows(later.run(), rows, later.status(), later.divergedAtStep(), later.currentStep()));
        }
        return new LiveBatch(b.seq(), b.step(), b.mode(), b.end(), a.restart(), runs, tooSlow);
    }

    /** Rows of {@code a} followed by those of {@code b} (b continues where a stopped). */
    static Recorder.Rows concat(Recorder.Rows a, Recorder.Rows b) {
        if (b.steps().length == 0 && b.lr().length == 0) {
            return a;
        }
        if (a.steps().length == 0 && a.lr().length == 0) {
            return b;
        }
        int[] steps = Arrays.copyOf(a.steps(), a.steps().length + b.steps().length);
        System.arraycopy(b.steps(), 0, steps, a.steps().length, b.steps().length);
        double[][] theta = Arrays.copyOf(a.theta(), a.theta().length + b.theta().length);
        System.arraycopy(b.theta(), 0, theta, a.theta().length, b.theta().length);
        return new Recorder.Rows(a.steps().length == 0 ? b.firstRow() : a.firstRow(), steps, theta,
                cat(a.loss(), b.loss()), a.equilibriumDistance() == null ? null
                        : cat(a.equilibriumDistance(), b.equilibriumDistance()),
                a.lr().length == 0 ? b.firstUpdate() : a.firstUpdate(), cat(a.lr(), b.lr()),
                cat(a.gradNorm(), b.gradNorm()), cat(a.updateNorm(), b.updateNorm()));
    }

    private static double[] cat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
