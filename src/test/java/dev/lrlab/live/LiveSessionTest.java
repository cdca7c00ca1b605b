package dev.lrlab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.engine.Recorder;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.spec.ExperimentCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session engine on a manual clock: every tick is 100 ms of simulated time, no sleeps. */
class LiveSessionTest {

    private long now;
    private LiveScheduler scheduler = scheduler(LiveScheduler.Settings.defaults());

    private LiveScheduler scheduler(LiveScheduler.Settings s) {
        return LiveScheduler.manual(s.withThreads(1), () -> now);
    }

    @AfterEach
    void close() {
        scheduler.close();
    }

    static CompiledExperiment experiment(int steps, int runs) {
        List<Object> rs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rs.add(Map.of("start", List.of(-4, 2), "steps", steps, "seed", i,
                    "optimizer", Map.of("type", "adam", "lr", 0.05 * (i + 1))));
        }
        return new ExperimentCompiler().compile(Map.of("version", 1,
                "landscape", Map.of("type", "rosenbrock"), "runs", rs));
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            now += 100_000_000L;
            scheduler.tick();
        }
    }

    /** Collects every batch. */
    static final class Sink implements LiveSink {
        final List<LiveBatch> batches = new ArrayList<>();
        volatile boolean alive = true;

        @Override
        public void accept(LiveBatch b) {
            batches.add(b);
        }

        @Override
        public boolean alive() {
            return alive;
        }

        LiveBatch last() {
            return batches.get(batches.size() - 1);
        }
    }

    @Test
    void playingAt100StepsPerSecondReachesStep500AfterFiveSeconds() {
        LiveSession s = scheduler.open(experiment(10_000, 2), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        ticks(50);
        assertThat(sink.last().step()).isEqualTo(500);
        assertThat(sink.last().mode()).isEqualTo(LiveSession.Mode.PLAYING);
        s.speed(300);
        ticks(10);
        assertThat(sink.last().step()).isEqualTo(500 + 300);
        // every recorded row arrived once, in order
        int rows = sink.batches.stream().mapToInt(b -> b.runs().get(0).rows().steps().length).sum();
        assertThat(rows).isEqualTo(801);
        assertThat(s.history().rows(1)).isEqualTo(801);
    }

    @Test
    void step5ThenStep10IsExactlyThePrefixOfADirectRun() {
        CompiledExperiment e = experiment(1000, 1);
        LiveSession s = scheduler.open(e, 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.step(5);
        ticks(1);
        assertThat(sink.last().step()).isEqualTo(5);
        assertThat(sink.last().mode()).isEqualTo(LiveSession.Mode.PAUSED);
        s.step(10);
        ticks(1);
        assertThat(sink.last().step()).isEqualTo(15);

        RunSimulator direct = new RunSimulator(e.landscape(), e.runs().get(0), true);
        direct.advance(15);
        Recorder.Rows want = direct.recorder().read();
        Recorder.Rows got = s.history().read(0);
        assertThat(got.steps()).containsExactly(want.steps());
        assertThat(got.theta()).isDeepEqualTo(want.theta());
        assertThat(got.loss()).containsExactly(want.loss());
        assertThat(got.lr()).containsExactly(want.lr());
        assertThat(got.gradNorm()).containsExactly(want.gradNorm());
    }

    @Test
    void seekingBackReproducesIdenticalRowsAndForwardContinuesThem() {
        LiveSession s = scheduler.open(experiment(5000, 2), 1, 0);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.seek(300);
        ticks(1);
        assertThat(sink.last().step()).isEqualTo(300);
        Recorder.Rows before = s.history().read(1);

        s.seek(100);
        ticks(1);
        LiveBatch back = sink.last();
        assertThat(back.restart()).isTrue();
        assertThat(back.step()).isEqualTo(100);
        assertThat(back.runs().get(1).rows().theta()).isDeepEqualTo(java.util.Arrays.copyOf(before.theta(), 101));
        assertThat(s.history().rows(1)).isEqualTo(101);

        s.seek(300);
        ticks(1);
        assertThat(sink.last().restart()).isFalse();
        assertThat(s.history().read(1).theta()).isDeepEqualTo(before.theta());
        assertThat(s.history().read(1).loss()).containsExactly(before.loss());
    }

    @Test
    void aPausedSessionLeavesTheActiveListAndGetsNoTicks() {
        LiveSession s = scheduler.open(experiment(10_000, 1), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        ticks(5);
        s.pause();
        ticks(1);
        int batches = sink.batches.size();
        int step = sink.last().step();
        assertThat(sink.last().mode()).isEqualTo(LiveSession.Mode.PAUSED);
        assertThat(scheduler.activeSessions()).isZero();
        assertThat(scheduler.reservedStepsPerSecond()).isZero();
        ticks(100);
        assertThat(sink.batches).hasSize(batches);
        assertThat(s.last().step()).isEqualTo(step);
        s.play();
        ticks(1);
        assertThat(sink.last().step()).isEqualTo(step + 10);
    }

    @Test
    void stopReleasesTheSchedulerButKeepsTheRows() {
        LiveSession s = scheduler.open(experiment(10_000, 2), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        assertThat(scheduler.reservedStepsPerSecond()).isEqualTo(200);
        ticks(3);
        s.stop();
        ticks(1);
        assertThat(sink.last().end()).isEqualTo(LiveSession.End.STOPPED);
        assertThat(scheduler.openSessions()).isZero();
        assertThat(scheduler.activeSessions()).isZero();
        assertThat(scheduler.reservedStepsPerSecond()).isZero();
        assertThat(s.history().rows(0)).isEqualTo(31);
        s.play(); // ignored: ended
        assertThat(scheduler.reservedStepsPerSecond()).isZero();
    }

    @Test
    void aSessionEndsWhenItsRunsFinishAndKeepsTheResult() {
        LiveSession s = scheduler.open(experiment(25, 2), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        ticks(3);
        LiveBatch end = sink.last();
        assertThat(end.end()).isEqualTo(LiveSession.End.FINISHED);
        assertThat(end.step()).isEqualTo(25);
        assertThat(end.runs()).allMatch(r -> r.status() == RunSimulator.Status.COMPLETED);
        assertThat(s.history().rows(0)).isEqualTo(26);
        assertThat(scheduler.openSessions()).isZero();
        // a late subscriber gets the whole result at once
        Sink late = new Sink();
        s.subscribe(late);
        assertThat(late.batches).hasSize(1);
        assertThat(late.last().runs().get(1).rows().steps()).hasSize(26);
    }

    @Test
    void aSinkThatStopsAnsweringEndsTheSessionAndDropsItsRows() {
        LiveSession s = scheduler.open(experiment(100_000, 1), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        ticks(20);
        s.pause();
        ticks(1);
        sink.alive = false; // the tab vanished while paused
        ticks(10);           // within one sweep (10 ticks)
        assertThat(s.end()).isEqualTo(LiveSession.End.UNWATCHED);
        assertThat(scheduler.openSessions()).isZero();
        assertThat(s.history().rows(0)).isZero();
    }

    @Test
    void playingPastTheCpuBudgetIsRefusedWithARetryAndNothingChanges() {
        scheduler.close();
        scheduler = scheduler(LiveScheduler.Settings.defaults().withMaxStepsPerSecond(250));
        LiveSession a = scheduler.open(experiment(10_000, 2), 1, 100);
        LiveSession b = scheduler.open(experiment(10_000, 1), 1, 100);
        a.play();
        assertThatThrownBy(b::play).isInstanceOf(LiveCapacityException.class)
                .hasMessageContaining("200 of 250 steps/s")
                .satisfies(ex -> assertThat(((LiveCapacityException) ex).retryAfterSeconds()).isPositive());
        assertThat(b.isPlaying()).isFalse();
        assertThatThrownBy(() -> a.speed(200)).isInstanceOf(LiveCapacityException.class);
        a.pause();
        b.play();
        assertThat(scheduler.reservedStepsPerSecond()).isEqualTo(100);
    }

    @Test
    void aMaxSpeedSessionDoesNotSlowAPacedOne() {
        LiveSession fast = scheduler.open(experiment(100_000, 1), 1, 0);
        LiveSession paced = scheduler.open(experiment(10_000, 1), 1, 100);
        Sink sink = new Sink();
        paced.subscribe(sink);
        fast.subscribe(new Sink());
        fast.play();
        paced.play();
        ticks(5);
        assertThat(sink.last().step()).isEqualTo(50);
        assertThat(fast.last().step()).isGreaterThan(1000);
    }

    @Test
    void mergedBatchesEqualTheirSequence() {
        LiveSession s = scheduler.open(experiment(1000, 1), 1, 100);
        Sink sink = new Sink();
        s.subscribe(sink);
        s.play();
        ticks(3);
        LiveBatch m = LiveBatch.merge(LiveBatch.merge(sink.batches.get(0), sink.batches.get(1)), sink.batches.get(2));
        assertThat(m.step()).isEqualTo(30);
        assertThat(m.runs().get(0).rows().theta()).isDeepEqualTo(s.history().read(0).theta());
        assertThat(m.runs().get(0).rows().lr()).containsExactly(s.history().read(0).lr());
        Recorder.Rows mid = s.history().read(0, 12, 3, 12, 3);
        assertThat(mid.steps()).containsExactly(12, 13, 14);
        assertThat(mid.firstRow()).isEqualTo(12);
        assertThat(mid.lr()).containsExactly(java.util.Arrays.copyOfRange(s.history().read(0).lr(), 12, 15));
    }
}
