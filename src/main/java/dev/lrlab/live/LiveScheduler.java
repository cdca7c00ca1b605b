package dev.lrlab.live;

import dev.lrlab.core.engine.CompiledExperiment;
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
     */
    public record Settings(int threads, long tickMillis, long maxStepsPerSecond, double maxSpeedReserve,
                           double cpuShare, int sweepTicks) {
        public static Settings defaults() {
            return new Settings(0, 100, 2_000_000, 1000, 0.8, 10);
        }

        public Settings withThreads(int t) {
            return new Settings(t, tickMillis, maxStepsPerSecond, maxSpeedReserve, cpuShare, sweepTicks);
        }

        public Settings withMaxStepsPerSecond(long m) {
            return new Settings(threads, tickMillis, m, maxSpeedReserve, cpuShare, sweepTicks);
        }

        int lanes() {
            return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }

    private static final System.Logger LOG = System.getLogger(LiveScheduler.class.getName());
    /** How long a refused Play should wait: sessions end or pause within seconds in class use. */
    private static final int RETRY_AFTER_SECONDS = 10;

    private final Settings settings;
    private final Lane[] lanes;
    private final LongSupplier clock;
    private final LongSupplier cpu;
    private final ScheduledExecutorService executor;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong overloadedTicks = new AtomicLong();

    private LiveScheduler(Settings settings, LongSupplier clock, boolean threaded) {
        this.settings = settings;
        this.clock = clock;
        this.cpu = System::nanoTime;
        this.lanes = new Lane[settings.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
        if (threaded) {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newScheduledThreadPool(lanes.length, r -> {
                Thread t = new Thread(r, "live-lane-" + n.incrementAndGet());
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });
            for (Lane lane : lanes) {
                executor.scheduleAtFixedRate(lane, settings.tickMillis(), settings.tickMillis(), TimeUnit.MILLISECONDS);
            }
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

    /** Opens a paused session of {@code experiment}, recording every {@code stride}-th state. */
    public LiveSession open(CompiledExperiment experiment, int stride, double stepsPerSecond) {
        Lane lane = lanes[0];
        for (Lane l : lanes) {
            if (l.sessions.size() < lane.sessions.size()) {
                lane = l;
            }
        }
        LiveSession s = new LiveSession(this, lane, experiment, stride, stepsPerSecond);
        lane.sessions.add(s);
        return s;
    }

    /** One tick of every lane, now (manual schedulers; on a threaded one this races the lanes). */
    public void tick() {
        for (Lane lane : lanes) {
            lane.run();
        }
    }

    /** Sessions open on the node (paused or playing, not ended). */
    public int openSessions() {
        int n = 0;
        for (Lane l : lanes) {
            n += l.sessions.size();
        }
        return n;
    }

    /** Sessions some lane is ticking right now (playing, stepping or with commands pending). */
    public int activeSessions() {
        int n = 0;
        for (Lane l : lanes) {
            n += l.activeCount;
        }
        return n;
    }

    /** Weighted steps per second reserved by playing sessions. */
    public long reservedStepsPerSecond() {
        return reserved.get();
    }

    public long maxStepsPerSecond() {
        return settings.maxStepsPerSecond();
    }

    public int threads() {
        return lanes.length;
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
        final Set<LiveSession> sessions = ConcurrentHashMap.newKeySet();
        private final Queue<LiveSession> woken = new ConcurrentLinkedQueue<>();
        // confined to the lane's runs
        private final List<LiveSession> active = new ArrayList<>();
        private final List<LiveSession> elastic = new ArrayList<>();
        private long ticks;
        private int rotate;
        private volatile int activeCount;

        void wake(LiveSession s) {
            woken.add(s);
        }

        void forget(LiveSession s) {
            sessions.remove(s);
        }

        @Override
        public void run() {
            try {
                tick(clock.getAsLong());
            } catch (RuntimeException | Error e) {
                // a periodic task that throws is cancelled for good: log and keep ticking
                LOG.log(System.Logger.Level.ERROR, "live lane tick failed", e);
            }
        }

        private void tick(long now) {
            for (LiveSession s; (s = woken.poll()) != null; ) {
                if (!s.inActive && s.end() == null) {
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
            elastic.clear();
            for (int i = 0; i < n; i++) {
                LiveSession s = active.get((offset + i) % n);
                s.applyCommands(now);
                int owed = s.paced(now);
                if (owed > 0) {
                    if (cpu.getAsLong() < deadline) {
                        s.advancePaced(owed);
                    } else {
                        overloaded = true; // the credit carries over to the next tick
                    }
                }
                if (s.elastic()) {
                    elastic.add(s);
                }
            }
            // full-speed sessions split what is left of the tick evenly
            for (int i = 0; i < elastic.size(); i++) {
                long t = cpu.getAsLong();
                long slice = Math.max(0, (deadline - t) / (elastic.size() - i));
                elastic.get(i).advanceElastic(t + slice, cpu, now);
            }
            for (LiveSession s : active) {
                s.publish();
            }
            active.removeIf(s -> {
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
    }
}
