package dev.lrlab.live;

import dev.lrlab.core.engine.Recorder;
import java.util.Arrays;
import java.util.List;

/**
 * Every row a session has recorded, kept as the immutable chunks its batches carried, so a UI can
 * scrub or redraw after the simulators are gone. One writer (the session's scheduler lane), any
 * number of readers: a chunk is complete before the volatile count that publishes it.
 */
public final class LiveHistory {

    private record Chunk(Recorder.Rows[] runs, int[] rowEnd, int[] updateEnd) {
    }

    private final int runCount;
    private volatile Chunk[] chunks = new Chunk[16];
    private volatile int count;

    LiveHistory(int runCount) {
        this.runCount = runCount;
    }

    public int runs() {
        return runCount;
    }

    void append(List<LiveBatch.RunRows> rows) {
        int n = count;
        Chunk last = n == 0 ? null : chunks[n - 1];
        Recorder.Rows[] r = new Recorder.Rows[runCount];
        int[] rowEnd = new int[runCount];
        int[] updateEnd = new int[runCount];
        boolean any = false;
        for (int i = 0; i < runCount; i++) {
            r[i] = rows.get(i).rows();
            rowEnd[i] = (last == null ? 0 : last.rowEnd[i]) + r[i].steps().length;
            updateEnd[i] = (last == null ? 0 : last.updateEnd[i]) + r[i].lr().length;
            any |= r[i].steps().length > 0 || r[i].lr().length > 0;
        }
        if (!any) {
            return;
        }
        if (n == chunks.length) {
            chunks = Arrays.copyOf(chunks, n * 2);
        }
        chunks[n] = new Chunk(r, rowEnd, updateEnd);
        count = n + 1;
    }

    /** State rows of {@code run} recorded so far. */
    public int rows(int run) {
        int n = count;
        return n == 0 ? 0 : chunks[n - 1].rowEnd[run];
    }

    /** Update rows of {@code run} recorded so far. */
    public int updateRows(int run) {
        int n = count;
        return n == 0 ? 0 : chunks[n - 1].updateEnd[run];
    }

    /** All rows of {@code run}. */
    public Recorder.Rows read(int run) {
        return read(run, 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
    }

    /** Up to {@code maxRows} state rows from {@code fromRow} and up to {@code maxUpdates} update rows from {@code fromUpdate}. */
    public Recorder.Rows read(int run, int fromRow, int maxRows, int fromUpdate, int maxUpdates) {
        int n = count;
        Chunk[] cs = chunks;
        Recorder.Rows out = null;
        for (int k = 0; k < n; k++) {
            Chunk c = cs[k];
            Recorder.Rows r = c.runs[run];
            int rowStart = c.rowEnd[run] - r.steps().length;
            int updStart = c.updateEnd[run] - r.lr().length;
            if (c.rowEnd[run] <= fromRow && c.updateEnd[run] <= fromUpdate) {
                continue;
            }
            if (rowStart >= fromRow + (long) maxRows && updStart >= fromUpdate + (long) maxUpdates) {
                break;
            }
            Recorder.Rows part = slice(r, rowStart, fromRow, maxRows, updStart, fromUpdate, maxUpdates);
            out = out == null ? part : LiveBatch.concat(out, part);
        }
        if (out == null) {
            return empty(Math.min(fromRow, rows(run)), Math.min(fromUpdate, updateRows(run)), cs, n, run);
        }
        return out;
    }

    /** The whole history as one restarting batch's rows, per run. */
    List<LiveBatch.RunRows> snapshot(List<LiveBatch.RunRows> statuses) {
        LiveBatch.RunRows[] out = new LiveBatch.RunRows[runCount];
        for (int i = 0; i < runCount; i++) {
            LiveBatch.RunRows s = statuses.get(i);
            out[i] = new LiveBatch.RunRows(i, read(i), s.status(), s.divergedAtStep(), s.currentStep());
        }
        return List.of(out);
    }

    private static Recorder.Rows slice(Recorder.Rows r, int rowStart, int fromRow, int maxRows, int updStart,
                                       int fromUpdate, int maxUpdates) {
        int a = clamp(fromRow - rowStart, r.steps().length);
        int b = clamp((int) Math.min((long) fromRow + maxRows - rowStart, Integer.MAX_VALUE), r.steps().length);
        int c = clamp(fromUpdate - updStart, r.lr().length);
        int d = clamp((int) Math.min((long) fromUpdate + maxUpdates - updStart, Integer.MAX_VALUE), r.lr().length);
        if (a == 0 && b == r.steps().length && c == 0 && d == r.lr().length) {
            return r;
        }
        b = Math.max(a, b);
        d = Math.max(c, d);
        return new Recorder.Rows(rowStart + a, Arrays.copyOfRange(r.steps(), a, b), Arrays.copyOfRange(r.theta(), a, b),
                Arrays.copyOfRange(r.loss(), a, b),
                r.equilibriumDistance() == null ? null : Arrays.copyOfRange(r.equilibriumDistance(), a, b),
                updStart + c, Arrays.copyOfRange(r.lr(), c, d), Arrays.copyOfRange(r.gradNorm(), c, d),
                Arrays.copyOfRange(r.updateNorm(), c, d));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    private static Recorder.Rows empty(int firstRow, int firstUpdate, Chunk[] cs, int n, int run) {
        boolean game = n > 0 && cs[0].runs[run].equilibriumDistance() != null;
        return new Recorder.Rows(firstRow, new int[0], new double[0][], new double[0], game ? new double[0] : null,
                firstUpdate, new double[0], new double[0], new double[0]);
    }
}
