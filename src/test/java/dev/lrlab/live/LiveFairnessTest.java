package dev.lrlab.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.core.engine.CompiledExperiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One expensive live session next to cheap ones on a single lane thread, on the real clock: the
 * cheap ones keep their pace while the expensive one is throttled, moved to the heavy lane,
 * paused or stopped with a {@link TooSlow} notice. (Before, every session of a lane waited for the
 * expensive one's owed steps: a 200 ms step at 100 steps/s held the lane for 2 s per tick.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveFairnessTest {

    private static final double PACE = 100;
    private LiveScheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    /** Remembers the furthest step, the mode and the first too-slow notice. */
    static final class Sink implements LiveSink {
        volatile int step;
        volatile LiveBatch last;
        volatile TooSlow tooSlow;

        @Override
        public void accept(LiveBatch b) {
            step = b.step();
            last = b;
            if (b.tooSlow() != null && tooSlow == null) {
                tooSlow = b.tooSlow();
            }
        }
    }

    private LiveScheduler oneLane(LiveScheduler.Settings s) {
        scheduler = LiveScheduler.start(s.withThreads(1));
        return scheduler;
    }

    private Sink play(CompiledExperiment e) {
        LiveSession s = scheduler.open(e, 1, PACE);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        sessions.add(s);
        return sink;
    }

    private final List<LiveSession> sessions = new ArrayList<>();

    private static CompiledExperiment cheap() {
        return LiveSessionTest.experiment(50_000, 2);
    }

    private static CompiledExperiment slow(long millis, boolean checksGuard) {
        return SlowLandscape.of(LiveSessionTest.experiment(50_000, 1), millis, checksGuard);
    }

    /** Steps per second each cheap sink advanced over {@code seconds}. */
    private static double[] pace(List<Sink> sinks, double seconds) throws InterruptedException {
        int[] from = new int[sinks.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = sinks.get(i).step;
        }
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double dt = (System.nanoTime() - t0) / 1e9;
        double[] out = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = (sinks.get(i).step - from[i]) / dt;
        }
        return out;
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    private static void assertKeepsPace(double[] paces) {
        for (double p : paces) {
            assertThat(p).as("cheap session's steps/s").isGreaterThanOrEqualTo(0.9 * PACE);
        }
    }

    private List<Sink> cheapSinks(int n) {
        List<Sink> sinks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sinks.add(play(cheap()));
        }
        return sinks;
    }

    @Test
    void aSessionWhoseStepsBurn200MsIsPausedAsTooSlowWhileTheCheapOnesKeepTheirPace() throws Exception {
        oneLane(LiveScheduler.Settings.defaults());
        List<Sink> cheap = cheapSinks(3);
        Sink dear = play(slow(200, false));
        LiveSession dearSession = sessions.get(3);
        double[] paces = pace(cheap, 3);
        System.out.printf(Locale.ROOT, "next to a 200 ms-step session: cheap %.1f / %.1f / %.1f steps/s, "
                + "the dear one %d steps%n", paces[0], paces[1], paces[2], dear.step);
        assertKeepsPace(paces);
        assertThat(dear.tooSlow).as("the too-slow notice").isNotNull();
        assertThat(dear.tooSlow.stopped()).isFalse();
        assertThat(dear.tooSlow.stepMillis()).isBetween(150L, 2_000L);
        assertThat(dear.last.mode()).isEqualTo(LiveSession.Mode.PAUSED);
        assertThat(dearSession.isPlaying()).isFalse();
        assertThat(dear.step).as("slow steps before the pause").isLessThanOrEqualTo(2);
        assertThat(scheduler.reservedStepsPerSecond()).as("the paused one reserves nothing")
                .isEqualTo(3 * cheap().runs().size() * (long) PACE);

        // Resume: one more slow step, then paused again, the others still at pace
        dearSession.play();
        double[] again = pace(cheap, 1.5);
        assertKeepsPace(again);
        assertThat(dearSession.isPlaying()).isFalse();
        assertThat(dear.step).isLessThanOrEqualTo(3);
    }

    @Test
    void aStepThatChecksItsGuardIsCutAtItsBoundAndTheSessionEndsTooSlow() throws Exception {
        oneLane(LiveScheduler.Settings.defaults());
        List<Sink> cheap = cheapSinks(3);
        Sink dear = play(slow(2_000, true));
        double[] paces = pace(cheap, 3);
        assertKeepsPace(paces);
        assertThat(dear.last.end()).isEqualTo(LiveSession.End.TOO_SLOW);
        assertThat(dear.tooSlow.stopped()).isTrue();
        // cut at the slice's end (≤ 80 ms) plus the grace (4 × 50 ms), not after the step's 2 s
        assertThat(dear.tooSlow.stepMillis()).isBetween(90L, 600L);
        assertThat(scheduler.openSessions()).isEqualTo(3);
    }

    @Test
    void aDearButPlayableSessionRunsSlowerOnTheHeavyLaneAndTheCheapOnesStayOnTheirs() throws Exception {
        oneLane(LiveScheduler.Settings.defaults());
        List<Sink> cheap = cheapSinks(3);
        Sink dear = play(slow(20, false));
        Thread.sleep(500);
        double[] paces = pace(cheap, 3);
        double dearPace = pace(List.of(dear), 2)[0];
        System.out.printf(Locale.ROOT, "next to a 20 ms-step session: cheap %.1f / %.1f / %.1f steps/s, "
                + "the dear one %.1f steps/s%n", paces[0], paces[1], paces[2], dearPace);
        assertKeepsPace(paces);
        assertThat(scheduler.laneOf(sessions.get(3))).isEqualTo("live-lane-heavy");
        for (int i = 0; i < 3; i++) {
            assertThat(scheduler.laneOf(sessions.get(i))).isEqualTo("live-lane-1");
        }
        // its 80 ms slice a tick holds at most four 20 ms steps (fewer on a busy machine): throttled, not stopped
        assertThat(dearPace).isBetween(3.0, 60.0);
        assertThat(dear.tooSlow).isNull();
        assertThat(sessions.get(3).isPlaying()).isTrue();

        // gone: the others are unaffected
        sessions.get(3).stop();
        await(() -> sessions.get(3).end() != null, 1_000);
        assertThat(sessions.get(3).end()).isEqualTo(LiveSession.End.STOPPED);
        assertKeepsPace(pace(cheap, 1.5));
        assertThat(scheduler.heavySessions()).isZero();
    }

    @Test
    void stopCutsALongStepShortAndFreesItsReservationAtOnce() throws Exception {
        // slow steps allowed (bound 10 s, so the guard's own bound is 40 s): only the stop can end this step
        oneLane(LiveScheduler.Settings.defaults().withStepBounds(10_000, 5));
        LiveSession s = scheduler.open(slow(5_000, true), 1, PACE);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        Thread.sleep(400); // inside its first 5 s step
        long reserved = scheduler.reservedStepsPerSecond();
        long t0 = System.nanoTime();
        s.stop();
        assertThat(scheduler.reservedStepsPerSecond()).as("released by stop() itself").isEqualTo(reserved - 100);
        await(() -> s.end() != null, 2_000);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(s.end()).isEqualTo(LiveSession.End.STOPPED);
        assertThat(tookMs).as("ms from stop() to the end").isLessThan(500);
        assertThat(scheduler.openSessions()).isZero();
        assertThat(sink.last.ended()).isTrue();
    }
}
