package dev.lrlab.live;

import dev.lrlab.core.engine.CompiledExperiment;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * One live experiment: its runs stepped in lockstep by a {@link LiveScheduler} lane, driven by
 * {@link LiveCommand}s sent from any thread, streaming immutable {@link LiveBatch}es to any number
 * of {@link LiveSink}s. The simulators never leave the lane that steps them; sinks and readers see
 * only batches and the {@link #history()}.
 *
 * <p>A session begins paused. It ends when every run has ended (FINISHED), on {@link #stop()}
 * (STOPPED), or when its last sink went away or stopped answering (UNWATCHED, which also drops
 * the history), or when a step had to be cut short at its time bound (TOO_SLOW). An ended session
 * holds no simulator and no scheduler resources.
 *
 * <p>Its steps are timed on the clock ({@link StepMeter}): in a tick it steps only within the
 * slice its lane gives it, under a {@code WorkGuard} whose bound is the slice plus
 * {@link LiveScheduler#hardGraceNanos()}; a session whose steps are slow is paused with a
 * {@link TooSlow} notice, and one whose step was cut at that bound ends for good.
 */
public final class LiveSession {

    public enum Mode { PLAYING, PAUSED, ENDED }

    public enum End { FINISHED, STOPPED, UNWATCHED, TOO_SLOW }

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    private final LiveScheduler scheduler;
    /** Where the session is stepped once it proved cheap (it starts on the heavy lane, see {@link LiveScheduler}). */
    final LiveScheduler.Lane home;
    /** The lane that steps it now; changed only by that lane, handing the session over through the next one's queue. */
    volatile LiveScheduler.Lane lane;
    private final CompiledExperiment experiment;
    private final int stride;
    private final long weight;
    private final Queue<LiveCommand> commands = new ConcurrentLinkedQueue<>();
    private final List<Subscription> subs = new CopyOnWriteArrayList<>();

    // written by command senders (any thread), guarded by this
    private boolean wantPlaying;
    private double wantSps;
    private long reserved;

    // published by the lane
    private volatile LiveHistory history;
    private volatile LiveBatch last;
    private volatile End end;

    // confined to the lane
    private LockstepRuns runs;
    private boolean playing;
    private double sps;
    private double credit;
    private long lastNanos;
    private int target = -1;
    private boolean restart;
    private boolean dirty = true;
    private long seq;
    private boolean everWatched;
    private final TimedStepping stepping = new TimedStepping();
    private TooSlow tooSlow;
    boolean inActive;

    LiveSession(LiveScheduler scheduler, LiveScheduler.Lane first, LiveScheduler.Lane home,
                CompiledExperiment experiment, int stride, double stepsPerSecond) {
        this.scheduler = scheduler;
        this.lane = first;
        this.home = home;
        this.experiment = experiment;
        this.stride = stride;
        this.weight = weightOf(experiment);
        this.wantSps = stepsPerSecond;
        this.sps = stepsPerSecond;
        this.runs = new LockstepRuns(experiment, stride);
        this.history = new LiveHistory(experiment.runs().size());
    }

    /** Work units of one lockstep step: a step of a d-dimensional run counts max(1, ⌈d/100⌉). */
    static long weightOf(CompiledExperiment e) {
        return e.runs().size() * Math.max(1L, (e.landscape().dim() + 99) / 100);
    }

    // ------------------------------------------------------------ commands (any thread)

    /**
     * Queues {@code c} for the lane. Play and Speed first reserve their CPU share on the node and
     * throw {@link LiveCapacityException} (changing nothing) when it is not there. Commands to an
     * ended session are ignored.
     */
    public void apply(LiveCommand c) {
        synchronized (this) {
            if (end != null) {
                return;
            }
            if (c instanceof LiveCommand.Play) {
                reserve(rate(wantSps));
                wantPlaying = true;
            } else if (c instanceof LiveCommand.Speed s) {
                if (wantPlaying) {
                    reserve(rate(s.stepsPerSecond()));
                }
                wantSps = s.stepsPerSecond();
            } else if (c instanceof LiveCommand.Pause || c instanceof LiveCommand.Step) {
                wantPlaying = false;
                reserve(0);
            } else if (c instanceof LiveCommand.Stop) {
                // at once, not at the lane's next turn: a closed tab frees its share and its lane now
                wantPlaying = false;
                reserve(0);
                stepping.requestStop();
            }
            commands.add(c);
        }
        lane.wake(this);
    }

    public void play() {
        apply(new LiveCommand.Play());
    }

    public void pause() {
        apply(new LiveCommand.Pause());
    }

    public void step(int n) {
        apply(new LiveCommand.Step(n));
    }

    public void seek(int step) {
        apply(new LiveCommand.Seek(step));
    }

    public void speed(double stepsPerSecond) {
        apply(new LiveCommand.Speed(stepsPerSecond));
    }

    public void stop() {
        apply(new LiveCommand.Stop());
    }

    /** Whether the last Play/Pause/Step sent asks for streaming (and the session has not ended). */
    public synchronized boolean isPlaying() {
        return wantPlaying && end == null;
    }

    /** Reserved work per second while playing at {@code s} steps/s (max speed reserves the top paced speed). */
    private long rate(double s) {
        return weight * (long) Math.ceil(s > 0 ? s : scheduler.maxSpeedReserve());
    }

    private void reserve(long rate) {
        scheduler.adjust(rate - reserved);
        reserved = rate;
    }

    /**
     * Sends this session's batches to {@code sink} (on the lane) from now on, beginning with
     * everything recorded so far. Closing the handle unsubscribes.
     */
    public Subscription subscribe(LiveSink sink) {
        Subscription s = new Subscription(sink);
        subs.add(s);
        LiveBatch done = end != null ? last : null;
        if (done != null) {
            s.fresh = false;
            sink.accept(new LiveBatch(done.seq(), done.step(), Mode.ENDED, done.end(), false,
                    history.snapshot(done.runs()), done.tooSlow()));
        }
        lane.wake(this);
        return s;
    }

    /** A sink's registration. */
    public final class Subscription implements AutoCloseable {
        final LiveSink sink;
        volatile boolean fresh = true;

        private Subscription(LiveSink sink) {
            this.sink = sink;
        }

        @Override
        public void close() {
            subs.remove(this);
        }
    }

    // ------------------------------------------------------------ reading (any thread)

    /** Every row recorded so far (kept after the session ended, until UNWATCHED). */
    public LiveHistory history() {
        return history;
    }

    /** The most recent batch handed to the sinks, or null before the first. */
    public LiveBatch last() {
        return last;
    }

    /** Why the session ended, or null while it lives. */
    public End end() {
        return end;
    }

    public int stride() {
        return stride;
    }

    /** Work units one lockstep step costs (see {@link #weightOf}). */
    public long weight() {
        return weight;
    }

    // ------------------------------------------------------------ the lane's side

    void applyCommands(long now) {
        LiveCommand c;
        while (end == null && (c = commands.poll()) != null) {
            if (c instanceof LiveCommand.Play) {
                if (!playing) {
                    playing = true;
                    // one tick's worth at once: the first rows appear at the next push, not one later
                    credit = Math.max(sps, 0) * scheduler.tickSeconds();
                    lastNanos = now;
                }
            } else if (c instanceof LiveCommand.Pause) {
                playing = false;
            } else if (c instanceof LiveCommand.Step s) {
                playing = false;
                target = (int) Math.min(Integer.MAX_VALUE, (long) Math.max(target, runs.step()) + s.n());
            } else if (c instanceof LiveCommand.Seek s) {
                seekTo(s.step());
            } else if (c instanceof LiveCommand.Speed s) {
                sps = s.stepsPerSecond();
                credit = Math.min(credit, Math.max(sps, 0) * scheduler.tickSeconds());
            } else if (c instanceof LiveCommand.Stop) {
                finish(End.STOPPED, null);
            }
            dirty = true;
        }
    }

    private void seekTo(int step) {
        if (step < runs.step()) {
            // deterministic runs: simulating again from the start gives the same rows bit for bit
            runs = new LockstepRuns(experiment, stride);
            history = new LiveHistory(experiment.runs().size());
            restart = true;
        }
        target = step > runs.step() ? step : -1;
    }

    /** Steps owed at the paced speed since the last tick. */
    int paced(long now) {
        if (end != null || !playing || target >= 0 || sps <= 0) {
            return 0;
        }
        credit = Math.min(credit + sps * (now - lastNanos) / 1e9, Math.max(sps, 1));
        lastNanos = now;
        return (int) credit;
    }

    /**
     * Steps the owed paced steps within the slice ending at {@code sliceEnd}; returns true when the
     * slice ran out before all of them were done (the credit carries over).
     */
    boolean advancePaced(int owed, long sliceEnd, LongSupplier clock) {
        int done = advance(owed, sliceEnd, clock);
        credit -= done;
        // a slow step ends the session's turn: no second helping of leftover time this tick
        return end == null && playing && done < owed && !stepping.meter.lastWasSlow();
    }

    /** Wants all the CPU it can get: stepping or seeking to a target, or playing at max speed. */
    boolean elastic() {
        return end == null && (target >= 0 || (playing && sps <= 0));
    }

    /** Steps until {@code sliceEnd} on {@code clock} (at least one step), or to the target. */
    void advanceElastic(long sliceEnd, LongSupplier clock, long now) {
        advance(target >= 0 ? target - runs.step() : Integer.MAX_VALUE, sliceEnd, clock);
        if (end == null && target >= 0 && runs.step() >= target) {
            target = -1;
            lastNanos = now;
            credit = 0;
        }
    }

    /** Up to {@code n} lockstep steps within the slice ({@link TimedStepping}); returns steps done. */
    private int advance(int n, long sliceEnd, LongSupplier clock) {
        TimedStepping.Outcome outcome = stepping.advance(runs, n, sliceEnd, clock, scheduler);
        int done = stepping.done();
        dirty |= done > 0;
        switch (outcome) {
            case FINISHED -> finish(End.FINISHED, null);
            case STOPPED -> finish(End.STOPPED, null);
            // the simulators stopped half way through an update: never step them again
            case CUT -> finish(End.TOO_SLOW, new TooSlow(stepping.cutMillis(), true));
            case TOO_SLOW -> pauseTooSlow();
            case DONE -> { }
        }
        return done;
    }

    /** Steps too slow to play live: pause (the state is whole) and say so in the next batch. */
    private void pauseTooSlow() {
        playing = false;
        target = -1;
        synchronized (this) {
            wantPlaying = false;
            reserve(0);
        }
        tooSlow = new TooSlow(stepping.meter.stepNanos() / 1_000_000, false);
        dirty = true;
        LOG.log(System.Logger.Level.INFO, "live session paused as too slow: {0} ms of CPU a step at step {1}",
                tooSlow.stepMillis(), runs.step());
    }

    /**
     * Where the lane should hand this session after its tick, or null to keep it there: dear
     * steps send it to the heavy lane; a session on the heavy lane whose latest steps were cheap
     * goes to its home lane.
     */
    LiveScheduler.Lane nextLane(LiveScheduler.Lane heavyLane) {
        if (end != null) {
            return null;
        }
        if (stepping.meter.heavy()) {
            return lane == heavyLane ? null : heavyLane;
        }
        return lane == heavyLane && stepping.meter.cheap() ? home : null;
    }

    /** Hands this tick's rows (if anything changed) to the sinks. */
    void publish() {
        boolean freshSub = false;
        for (Subscription s : subs) {
            freshSub |= s.fresh;
        }
        if (end == null && (dirty || freshSub)) {
            deliver(take());
        }
    }

    private LiveBatch take() {
        List<LiveBatch.RunRows> rows = runs.take();
        LiveHistory h = history;
        h.append(rows);
        Mode mode = end != null ? Mode.ENDED : playing ? Mode.PLAYING : Mode.PAUSED;
        LiveBatch b = new LiveBatch(++seq, runs.step(), mode, end, restart, rows, tooSlow);
        tooSlow = null;
        restart = false;
        dirty = false;
        last = b;
        return b;
    }

    private void deliver(LiveBatch b) {
        for (Subscription s : subs) {
            LiveBatch out = b;
            if (s.fresh) {
                s.fresh = false;
                everWatched = true;
                out = new LiveBatch(b.seq(), b.step(), b.mode(), b.end(), false, history.snapshot(b.runs()), b.tooSlow());
            }
            try {
                s.sink.accept(out);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "live sink failed; unsubscribed", e);
                subs.remove(s);
            }
        }
    }

    /** Nothing to do until a command arrives. */
    boolean idle() {
        return end != null || (!playing && target < 0 && commands.isEmpty() && subs.stream().noneMatch(s -> s.fresh));
    }

    /** Drops sinks that stopped answering; a session nobody watches any more ends and lets go of its rows. */
    void sweep() {
        if (end != null) {
            return;
        }
        for (Subscription s : subs) {
            if (!s.sink.alive()) {
                subs.remove(s);
            }
        }
        if (subs.isEmpty() && everWatched) {
            finish(End.UNWATCHED, null);
            history = new LiveHistory(experiment.runs().size());
        }
    }

    private void finish(End why, TooSlow notice) {
        if (end != null) {
            return;
        }
        playing = false;
        target = -1;
        synchronized (this) {
            end = why;
            wantPlaying = false;
            reserve(0);
        }
        tooSlow = notice;
        LiveBatch b;
        try {
            b = take();
        } catch (RuntimeException e) {
            // a step cut half way may leave a recorder mid-row: end without the last rows then
            LOG.log(System.Logger.Level.WARNING, "rows of a cut session unreadable", e);
            LiveBatch prev = last;
            b = new LiveBatch(++seq, prev == null ? 0 : prev.step(), Mode.ENDED, why, false, List.of(), notice);
            last = b;
        }
        deliver(b);
        runs = null;
        commands.clear();
        lane.forget(this);
    }
}
