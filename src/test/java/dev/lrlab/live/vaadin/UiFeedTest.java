package dev.lrlab.live.vaadin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinSession;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveScheduler;
import dev.lrlab.live.LiveSession;
import dev.lrlab.spec.ExperimentCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiFeedTest {

    private long now;
    private final LiveScheduler scheduler = LiveScheduler.manual(LiveScheduler.Settings.defaults().withThreads(1), () -> now);

    @AfterEach
    void close() {
        scheduler.close();
    }

    /** A UI whose access() only queues: the test decides when the session lock "runs" them. */
    static final class SlowUI extends UI {
        final List<Command> queued = new ArrayList<>();
        boolean attached = true;

        @Override
        public Future<Void> access(Command command) {
            queued.add(command);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public VaadinSession getSession() {
            return attached ? new VaadinSession(null) : null;
        }

        void runQueued() {
            while (!queued.isEmpty()) {
                queued.remove(0).execute();
            }
        }
    }

    private LiveSession session() {
        return scheduler.open(new ExperimentCompiler().compile(Map.of("version", 1,
                "landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("steps", 10_000, "optimizer", Map.of("type", "sgd", "lr", 0.01))))), 1, 100);
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) {
            now += 100_000_000L;
            scheduler.tick();
        }
    }

    @Test
    void aSlowUiGetsOneAccessAtATimeWithTheBatchesMergedMeanwhile() {
        SlowUI ui = new SlowUI();
        LiveSession s = session();
        List<LiveBatch> applied = new ArrayList<>();
        UiFeed.connect(ui, s, applied::add, 60_000);
        s.play();
        ticks(10);
        // ten batches produced, one access queued: the UI has not applied the first yet
        assertThat(ui.queued).hasSize(1);
        ui.runQueued();
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0).step()).isEqualTo(10);
        assertThat(applied.get(1).step()).isEqualTo(100);
        int rows = applied.stream().mapToInt(b -> b.runs().get(0).rows().steps().length).sum();
        assertThat(rows).isEqualTo(101);
        assertThat(applied.get(1).runs().get(0).rows().firstRow()).isEqualTo(11);
    }

    @Test
    void noHeartbeatForLongerThanTheTimeoutEndsTheSession() {
        SlowUI ui = new SlowUI();
        LiveSession s = session();
        UiFeed.connect(ui, s, b -> { }, 60_000);
        s.play();
        ticks(10);
        ui.runQueued();
        assertThat(s.end()).isNull();
        ui.getInternals().setLastHeartbeatTimestamp(System.currentTimeMillis() - 61_000);
        ticks(10);
        assertThat(s.end()).isEqualTo(LiveSession.End.UNWATCHED);
        assertThat(scheduler.openSessions()).isZero();
        assertThat(scheduler.reservedStepsPerSecond()).isZero();
    }

    @Test
    void aDetachedUiEndsTheSession() {
        SlowUI ui = new SlowUI();
        LiveSession s = session();
        UiFeed.connect(ui, s, b -> { }, 60_000);
        s.play();
        ticks(2);
        ui.attached = false;
        ticks(10);
        assertThat(s.end()).isEqualTo(LiveSession.End.UNWATCHED);
    }
}
