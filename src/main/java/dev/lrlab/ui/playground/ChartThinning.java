package dev.lrlab.ui.playground;

import dev.lrlab.core.engine.Recorder;
import dev.lrlab.experiment.LossAxis;
import dev.lrlab.experiment.RunningSums;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which recorded rows the charts show: ApexCharts redraws its whole SVG on each append, so a long
 * run keeps every {@code chartEvery}-th row (and the last row of an ended run). State rows and
 * update rows are thinned alike; update row j belongs to the update leaving step j·stride (the
 * recorder keeps both every stride steps). Pure arithmetic, so one conversion serves live batches
 * and replays.
 */
public final class ChartThinning {
    /** The charts keep at most about this many points per series. */
    static final int CHART_POINTS = 500;
    /** The live view keeps at most about this many points per run (longer runs are thinned). */
    static final int LIVE_POINTS = 4000;

    public final int stride;
    final int chartEvery;
    /** What the loss chart plots (f − f*, the distance to a game's equilibrium, or f). */
    final LossAxis axis;
    /** Per run, the EMA and partial sums so far (they need every row, not only the charted ones). */
    private final Map<Integer, RunningSums> sums = new HashMap<>();

    /**
     * Per run whether its gradients are noisy; null: all are. Only noisy runs get a smoothed
     * curve: the EMA of a deterministic run falling by decades per step trails its real loss by
     * decades on the log axis (S24's plain run read 1e-18 against a real 1e-45).
     */
    private boolean[] noisy;

    ChartThinning(int stride, int chartEvery, LossAxis axis) {
        this.stride = stride;
        this.chartEvery = chartEvery;
        this.axis = axis;
    }

    /** Smooths only the noisy runs of {@code e} (this thinning's runs); returns this. */
    public ChartThinning smoothingNoisyRunsOf(dev.lrlab.core.engine.CompiledExperiment e) {
        noisy = new boolean[e.runs().size()];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = e.runs().get(i).noise() != null;
        }
        return this;
    }

    private boolean smoothed(int run) {
        return noisy == null || (run < noisy.length && noisy[run]);
    }

    /** For runs of at most {@code maxSteps} steps. */
    public static ChartThinning forSteps(int maxSteps, LossAxis axis) {
        int stride = Math.max(1, (maxSteps + LIVE_POINTS - 1) / LIVE_POINTS);
        int every = Math.max(1, (maxSteps / stride + CHART_POINTS - 1) / CHART_POINTS);
        return new ChartThinning(stride, every, axis);
    }

    /** Forgets the running sums: the next rows of each run are its first again (a replay). */
    public void restart() {
        sums.clear();
    }

    /** Run {@code run}'s next rows (in order) as chart points. */
    public ChartsPanel.Series series(int run, Recorder.Rows rows, boolean ended) {
        RunningSums rs = sums.computeIfAbsent(run, r -> new RunningSums(stride));
        double[] plotted = axis.plotted(rows.loss(), rows.equilibriumDistance());
        double[][] lrSums = rs.lrSums(rows.lr());
        double[] sx = new double[rows.steps().length];
        for (int i = 0; i < sx.length; i++) {
            sx[i] = rows.steps()[i];
        }
        double[] ux = new double[rows.lr().length];
        for (int i = 0; i < ux.length; i++) {
            ux[i] = (rows.firstUpdate() + i) * (double) stride;
        }
        int[] keepState = rows(rows.firstRow(), sx.length, ended);
        int[] keepUpdate = rows(rows.firstUpdate(), ux.length, ended);
        int fs = rows.firstRow();
        int fu = rows.firstUpdate();
        return new ChartsPanel.Series(pick(sx, keepState, fs), pick(plotted, keepState, fs),
                pick(smoothed(run) ? rs.ema(plotted) : plotted, keepState, fs), pick(ux, keepUpdate, fu), pick(rows.lr(), keepUpdate, fu),
                pick(rows.gradNorm(), keepUpdate, fu), pick(rows.updateNorm(), keepUpdate, fu),
                pick(RunningSums.effectiveStep(rows.updateNorm(), rows.lr()), keepUpdate, fu),
                pick(lrSums[0], keepUpdate, fu), pick(lrSums[1], keepUpdate, fu));
    }

    /** Global indices of the rows [first, first+n) shown: every chartEvery-th, and the last of an ended run. */
    int[] rows(int first, int n, boolean ended) {
        int[] keep = new int[n];
        int k = 0;
        for (int i = first; i < first + n; i++) {
            if (i % chartEvery == 0 || (ended && i == first + n - 1)) {
                keep[k++] = i;
            }
        }
        return Arrays.copyOf(keep, k);
    }

    private static double[] pick(double[] values, int[] globalRows, int first) {
        double[] out = new double[globalRows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[globalRows[i] - first];
        }
        return out;
    }
}
