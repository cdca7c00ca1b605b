package dev.lrlab.live;

import dev.lrlab.core.engine.CompiledExperiment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Steps every live session of the node on a few shared threads. Sessions are spread over
 * {@code threads} lanes; each lane is one periodic task (its runs never overlap, so a session's
 * simulators are confined to it) that every tick applies its sessions' commands, advances the
 * playing ones by their paced budget, shares what is left of its CPU budget among the ones at full
 * speed (or stepping / seeking), and publishes one batch per changed session. A paused session is
 * not in its lane's active list: it costs no thread and no tick.
 *
 * <p>Fairness is measured on the clock, not estimated: in a tick each session gets a time slice
 * (an even share of what is left of the lane's budget when its turn comes, served round-robin from
 * a rotating start), steps only while its slice lasts, and takes the leftover of the others only
 * after every session had its turn. A session whose steps are dear therefore advances fewer steps
 * per second instead of delaying its lane. Because a thread cannot be pre-empted inside a step
 * that does not check its {@link dev.lrlab.core.work.WorkGuard}, one more lane, the heavy lane,
 * keeps unknown and dear steps away from the others: every session takes its first steps there
 * and moves to its home lane once a measured step was cheap (under {@code heavyStepMillis});
 * steps at or over that bound send it back to the heavy lane until they are cheap again. Steps slower than
 * {@code maxStepMillis} twice in a row pause the session with a {@link TooSlow} notice (the
 * verdicts count the lane thread's CPU time, so a busy machine does not make cheap steps look dear); a step
 * that checks its guard is cut at its slice's end plus {@link #hardGraceNanos()} and ends the
 * session ({@link LiveSession.End#TOO_SLOW}).
 *
 * <p>Capacity is CPU work: playing reserves weighted steps per second (see
 * {@link LiveSession#weightOf}); past {@code maxStepsPerSecond} in total, Play and Speed throw
 * {@link LiveCapacityException}.
 */
public final class LiveScheduler implements AutoCloseable {

    /**
     * @param threads           lanes (threads); 0 or less: max(1, cores / 2)
     * @param tickMillis        batch interval
     * @param maxStepsPerSecond total weighted run-steps per second the node accepts
     * @param maxSpeedReserve   steps per second a max-speed session reserves (it may use more when there is room)
     * @param cpuShare          fraction of each tick a lane may spend stepping
     * @param sweepTicks        ticks between checks of the sinks' liveness
     * @param maxStepMillis     lockstep steps slower than this (CPU time, twice in a row) pause their session as too slow to play live
     * @param heavyStepMillis   a session with steps this slow (twice in a row) is stepped on the heavy lane, apart from cheap ones
     */
    public record Settings(int threads, long tickMillis, long maxStepsPerSecond, double maxSpeedReserve,
                           double cpuShare, int sweepTicks, long maxStepMillis, long heavyStepMillis) {
        public static Settings defaults() {
            return new Settings(0, 100, 2_000_000, 1000, 0.8, 10, 50, 5);
        }

        public Settings withThreads(int t) {
            return new Settings(t, tickMillis, maxStepsPerSecond, maxSpeedReserve, cpuShare, sweepTicks,
                    maxStepMillis, heavyStepMillis);
        }

        public Settings withMaxStepsPerSecond(long m) {
            return new Settings(threads, tickMillis, m, maxSpeedReserve, cpuShare, sweepTicks, maxStepMillis,
                    heavyStepMillis);
        }

        public Settings withStepBounds(long maxStep, long heavyStep) {
            return new Settings(threads, tickMillis, maxStepsPerSecond, maxSpeedReserve, cpuShare, sweepTicks,
                    maxStep, heavyStep);
        }

        int lanes() {
            return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    private static final System.Logger LOG = System.getLogger(LiveScheduler.class.getName());
    /**
     * The least time slice a session gets when its turn comes (if the lane has budget left): a
     * thousand cheap sessions each need tens of microseconds, and a lane thread preempted for a few
     * milliseconds on a busy machine must not shrink their slices below one step.
     */
    static final long MIN_SLICE_NANOS = 1_000_000;
    /** How long a refused Play should wait: sessions end or pause within seconds in class use. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private final Settings settings;
    private final Lane[] lanes;
    /** Sessions not yet measured cheap, and those whose steps are dear (see the class comment). */
    private final Lane heavy;
    private final LongSupplier clock;
    private final LongSupplier cpu;
    private final LongSupplier threadCpu = threadCpuClock();
    private final ScheduledExecutorService executor;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong overloadedTicks = new AtomicLong();

    private LiveScheduler(Settings settings, LongSupplier clock, boolean threaded) {
        this.settings = settings;
        this.clock = clock;
        this.cpu = System::nanoTime;
        this.lanes = new Lane[settings.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane("live-lane-" + (i + 1));
        }
        this.heavy = new Lane("live-lane-heavy");
        if (threaded) {
            executor = Executors.newScheduledThreadPool(lanes.length + 1, r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
            for (Lane lane : lanes) {
                executor.scheduleAtFixedRate(lane, settings.tickMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
            }
            executor.scheduleAtFixedRate(heavy, settings.tickMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
        } else {
            executor = null;
        }
    }

    /** A scheduler ticking on its own threads. */
    public static LiveScheduler start(Settings settings) {
        return new LiveScheduler(settings, System::nanoTime, true);
    }

    /** A scheduler that ticks only when {@link #tick()} is called, reading time from {@code clock} (nanoseconds; tests). */
    public static LiveScheduler manual(Settings settings, LongSupplier clock) {
        return new LiveScheduler(settings, clock, false);
    }

    /**
     * Opens a paused session of {@code experiment}, recording every {@code stride}-th state. It
     * takes its first steps on the heavy lane and moves to the least busy lane once they were cheap.
     */
    public LiveSession open(CompiledExperiment experiment, int stride, double stepsPerSecond) {
        Lane home = lanes[0];
        for (Lane l : lanes) {
            if (l.homed.get() < home.homed.get()) {
                home = l;
            }
        }
        home.homed.incrementAndGet();
        LiveSession s = new LiveSession(this, heavy, home, experiment, stride, stepsPerSecond);
        heavy.sessions.add(s);
        return s;
    }

    /** One tick of every lane, now (manual schedulers; on a threaded one this races the lanes). */
    public void tick() {
        for (Lane lane : lanes) {
            lane.run();
        }
        heavy.run();
    }

    /** Sessions open on the node (paused or playing, not ended). */
    public int openSessions() {
        int n = heavy.sessions.size();
        for (Lane l : lanes) {
            n += l.sessions.size();
        }
        return n;
    }

    /** Sessions some lane is ticking right now (playing, stepping or with commands pending). */
    public int activeSessions() {
        int n = heavy.activeCount;
        for (Lane l : lanes) {
            n += l.activeCount;
        }
        return n;
    }

    /** Open sessions the heavy lane holds (not yet measured, or with dear steps). */
    public int heavySessions() {
        return heavy.sessions.size();
    }

    /** The name of the lane that steps {@code s} now (tests and diagnostics). */
    public String laneOf(LiveSession s) {
        return s.lane.name;
    }

    /** Weighted steps per second reserved by playing sessions. */
    public long reservedStepsPerSecond() {
        return reserved.get();
    }

    public long maxStepsPerSecond() {
        return settings.maxStepsPerSecond();
    }

    /** Lane threads, the heavy lane included. */
    public int threads() {
        return lanes.length + 1;
    }

    /** Lane ticks that ran out of CPU budget before every paced session got its steps. */
    public long overloadedTicks() {
        return overloadedTicks.get();
    }

    double tickSeconds() {
        return settings.tickMillis() / 1000.0;
    }

    double maxSpeedReserve() {
        return settings.maxSpeedReserve();
    }

    long maxStepNanos() {
        return settings.maxStepMillis() * 1_000_000;
    }

    long heavyStepNanos() {
        return settings.heavyStepMillis() * 1_000_000;
    }

    /**
     * How far past the end of its slice a step that checks its guard may run before it is cut:
     * four times the slow-step bound, so a step fast enough to play live is not cut even on a lane
     * whose slices are tiny because it carries a thousand sessions, or on a busy machine (this
     * bound is on the wall clock).
     */
    long hardGraceNanos() {
        return 4 * maxStepNanos();
    }

    /** The calling thread's CPU time in nanoseconds (the wall clock where the JVM cannot tell). */
    LongSupplier threadCpu() {
        return threadCpu;
    }

    private static LongSupplier threadCpuClock() {
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            if (mx.isCurrentThreadCpuTimeSupported()) {
                if (!mx.isThreadCpuTimeEnabled()) {
                    mx.setThreadCpuTimeEnabled(true);
                }
                return mx::getCurrentThreadCpuTime;
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            // fall through: judge on the wall clock
        }
        return System::nanoTime;
    }

    /** Changes the reservation by {@code delta}; refuses growth past the limit. */
    void adjust(long delta) {
        while (true) {
            long cur = reserved.get();
            long next = cur + delta;
            if (delta > 0 && next > settings.maxStepsPerSecond()) {
                throw new LiveCapacityException(cur, settings.maxStepsPerSecond(), RETRY_AFTER_SECONDS);
            }
            if (reserved.compareAndSet(cur, next)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One periodic task and the sessions it steps. */
    final class Lane implements Runnable {
        final String name;
        final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
        /** Open sessions whose home this lane is, wherever they are stepped now (opens spread by it). */
        final AtomicInteger homed = new AtomicInteger();
        private final Queue<LiveSession> woken = new ConcurrentLinkedQueue<>();
        // confined to the lane's runs
        private final List<LiveSession> active = new ArrayList<>();
        private final List<LiveSession> shortOfTime = new ArrayList<>();
        private final List<LiveSession> elastic = new ArrayList<>();
        private long ticks;
        private int rotate;
        private volatile int activeCount;

        Lane(String name) {
            this.name = name;
        }

        void wake(LiveSession s) {
            woken.add(s);
        }

        void forget(LiveSession s) {
            if (sessions.remove(s)) {
                s.home.homed.decrementAndGet();
            }
        }

        @Override
        public void run() {
            String was = Thread.currentThread().getName();
            Thread.currentThread().setName(name);
            try {
                tick(clock.getAsLong());
            } catch (RuntimeException | Error e) {
                // a periodic task that throws is cancelled for good: log and keep ticking
                LOG.log(System.Logger.Level.ERROR, "live lane tick failed", e);
            } finally {
                Thread.currentThread().setName(was);
            }
        }

        private void tick(long now) {
            for (LiveSession s; (s = woken.poll()) != null; ) {
                if (s.lane != this) {
                    s.lane.wake(s); // woken just before it moved: the lane it moved to steps it
                } else if (!s.inActive && s.end() == null) {
                    s.inActive = true;
                    active.add(s);
                }
            }
            if (ticks++ % settings.sweepTicks() == 0) {
                for (LiveSession s : sessions) {
                    s.sweep();
                }
            }
            int n = active.size();
            if (n == 0) {
                activeCount = 0;
                return;
            }
            long deadline = cpu.getAsLong() + (long) (settings.tickMillis() * 1e6 * settings.cpuShare());
            // start with a different session each tick so an overloaded lane shorts no one for long
            int offset = Math.floorMod(rotate++, n);
            boolean overloaded = false;
            shortOfTime.clear();
            elastic.clear();
            for (int i = 0; i < n; i++) {
                LiveSession s = active.get((offset + i) % n);
                s.applyCommands(now);
                int owed = s.paced(now);
                if (owed > 0) {
                    long t = cpu.getAsLong();
                    if (t < deadline) {
                        // an even share of what is left (what earlier sessions did not use flows on),
                        // never so thin that a preempted lane thread cuts cheap sessions to a step a tick
                        long slice = Math.max(MIN_SLICE_NANOS, (deadline - t) / (n - i));
                        if (s.advancePaced(owed, t + slice, cpu)) {
                            shortOfTime.add(s);
                        }
                    } else {
                        overloaded = true; // the credit carries over to the next tick
                    }
                }
                if (s.elastic()) {
                    elastic.add(s);
                }
            }
            // paced sessions cut short by their slice take what is left, then the full-speed ones
            for (int i = 0; i < shortOfTime.size(); i++) {
                long t = cpu.getAsLong();
                if (t >= deadline) {
                    overloaded = true;
                    break;
                }
                LiveSession s = shortOfTime.get(i);
                s.advancePaced(s.paced(now), t + (deadline - t) / (shortOfTime.size() - i), cpu);
            }
            for (int i = 0; i < elastic.size(); i++) {
                long t = cpu.getAsLong();
                long slice = Math.max(0, (deadline - t) / (elastic.size() - i));
                LiveSession s = elastic.get(i);
                if (s.elastic()) {
                    s.advanceElastic(t + slice, cpu, now);
                }
            }
            for (LiveSession s : active) {
                s.publish();
            }
            active.removeIf(s -> {
                Lane next = s.nextLane(heavy);
                if (next != null && next != this) {
                    // idle or not: the next lane ticks it once and drops it if there is nothing to do
                    s.inActive = false;
                    moveTo(s, next);
                    return true;
                }
                if (s.idle()) {
                    s.inActive = false;
                    return true;
                }
                return false;
            });
            activeCount = active.size();
            if (overloaded) {
                overloadedTicks.incrementAndGet();
            }
        }

        /** Hands {@code s} to {@code next}: its simulators go with it through {@code next}'s queue. */
        private void moveTo(LiveSession s, Lane next) {
            sessions.remove(s);
            s.lane = next;
            next.sessions.add(s);
            next.wake(s);
        }
    }
}
