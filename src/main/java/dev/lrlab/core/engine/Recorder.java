package dev.lrlab.core.engine;

import java.util.Arrays;

/**
 * Rows of one run in growable primitive arrays. Two kinds of rows:
 * <ul>
 * <li>state rows (index i): {@code step(i)}, θ (the first {@link #recordedDim()} coordinates),
 *     loss, and for games the distance to the equilibrium;</li>
 * <li>update rows (index i): lr, gradient norm (before clipping) and update norm ‖Δθ‖ of the update
 *     that leaves state {@code step(i)}.</li>
 * </ul>
 * Single writer (the simulating thread), any number of readers: counts are volatile and published
 * after the data is written, so {@link #read(int)} from another thread sees complete rows.
 */
public final class Recorder {
    /** θ coordinates stored per row are capped at this (plots only show 2). */
    public static final int MAX_RECORDED_DIM = 16;

    private final int recordedDim;
    private final boolean game;
    private volatile int[] steps = new int[64];
    private volatile double[] theta;
    private volatile double[] loss = new double[64];
    private volatile double[] eqDist;
    private volatile double[] lr = new double[64];
    private volatile double[] gradNorm = new double[64];
    private volatile double[] updateNorm = new double[64];
    private volatile int states;
    private volatile int updates;

    public Recorder(int dim, boolean game) {
        this.recordedDim = Math.min(dim, MAX_RECORDED_DIM);
        this.game = game;
        this.theta = new double[64 * recordedDim];
        this.eqDist = game ? new double[64] : null;
    }

    public int recordedDim() {
        return recordedDim;
    }

    /** Number of complete state rows. */
    public int rows() {
        return states;
    }

    public int updateRows() {
        return updates;
    }

    /** Step index of the last state row, or -1. */
    public int lastStep() {
        int n = states;
        return n == 0 ? -1 : steps[n - 1];
    }

    void state(int step, double[] th, double f, double dist) {
        int n = states;
        if (n == steps.length) {
            int cap = n * 2;
            theta = Arrays.copyOf(theta, cap * recordedDim);
            loss = Arrays.copyOf(loss, cap);
            if (game) {
                eqDist = Arrays.copyOf(eqDist, cap);
            }
            steps = Arrays.copyOf(steps, cap);
        }
        System.arraycopy(th, 0, theta, n * recordedDim, recordedDim);
        loss[n] = f;
        if (game) {
            eqDist[n] = dist;
        }
        steps[n] = step;
        states = n + 1;
    }

    void update(double rate, double gn, double un) {
        int n = updates;
        if (n == lr.length) {
            int cap = n * 2;
            gradNorm = Arrays.copyOf(gradNorm, cap);
            updateNorm = Arrays.copyOf(updateNorm, cap);
            lr = Arrays.copyOf(lr, cap);
        }
        lr[n] = rate;
        gradNorm[n] = gn;
        updateNorm[n] = un;
        updates = n + 1;
    }

    /** A copy of the rows from {@code fromRow} on (state rows) and {@code fromUpdate} on (update rows). */
    public Rows read(int fromRow, int fromUpdate) {
        int n = states;     // volatile reads first: arrays read afterwards hold at least these rows
        int u = updates;
        int[] st = steps;
        double[] th = theta;
        double[] lo = loss;
        double[] eq = eqDist;
        double[] l = lr;
        double[] gn = gradNorm;
        double[] un = updateNorm;
        int a = Math.min(fromRow, n);
        int b = Math.min(fromUpdate, u);
        double[][] thetaRows = new double[n - a][];
        for (int i = a; i < n; i++) {
            thetaRows[i - a] = Arrays.copyOfRange(th, i * recordedDim, (i + 1) * recordedDim);
        }
        return new Rows(a, Arrays.copyOfRange(st, a, n), thetaRows, Arrays.copyOfRange(lo, a, n),
                eq == null ? null : Arrays.copyOfRange(eq, a, n), b, Arrays.copyOfRange(l, b, u),
                Arrays.copyOfRange(gn, b, u), Arrays.copyOfRange(un, b, u));
    }

    /** All rows. */
    public Rows read() {
        return read(0, 0);
    }

    /** A batch of rows (JSON-friendly). */
    public record Rows(int firstRow, int[] steps, double[][] theta, double[] loss, double[] equilibriumDistance,
                       int firstUpdate, double[] lr, double[] gradNorm, double[] updateNorm) {
    }
}
