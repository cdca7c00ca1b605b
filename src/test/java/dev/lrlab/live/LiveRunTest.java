package dev.lrlab.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.Command;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveRunTest {

    private final LiveRunService service = new LiveRunService(2);

    @AfterEach
    void shutdown() {
        service.destroy();
    }

    /** A UI whose access() runs the command at once on the calling (worker) thread. */
    static final class ImmediateUI extends UI {
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Future<Void> access(Command command) {
            threads.add(Thread.currentThread().getName());
            command.execute();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public VaadinSession getSession() {
            return null;
        }
    }

    /** Counts steps 1..total and hands them over as lists. */
    static final class Counter implements SteppedJob<List<Integer>> {
        final int total;
        int done;
        List<Integer> pending = new ArrayList<>();

        Counter(int total) {
            this.total = total;
        }

        @Override
        public boolean advance(int n) {
            for (int i = 0; i < n && done < total; i++) {
                pending.add(++done);
            }
            return done < total;
        }

        @Override
        public List<Integer> takeBatch() {
            List<Integer> b = pending;
            pending = new ArrayList<>();
            return b;
        }
    }

    @Test
    void deliversEveryStepInOrderOffTheCallingThreadAndEndsFinished() throws Exception {
        ImmediateUI ui = new ImmediateUI();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        List<LiveRun.End> ends = new ArrayList<>();
        service.start(ui, new Counter(5000), seen::addAll, e -> {
            ends.add(e);
            done.countDown();
        }, 0, false);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1);
        }
        assertThat(ends).containsExactly(LiveRun.End.FINISHED);
        assertThat(ui.threads).allMatch(t -> t.startsWith("live-run-"));
        assertThat(service.running()).isZero();
    }

    @Test
    void pausedRunStepsExactlyOnRequestAndCancelEndsIt() throws Exception {
        ImmediateUI ui = new ImmediateUI();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        LiveRun<List<Integer>> run = service.start(ui, new Counter(1000), seen::addAll, e -> done.countDown(), 0, true);
        Thread.sleep(100);
        assertThat(seen).isEmpty();
        run.step(10);
        waitFor(() -> seen.size() == 10);
        Thread.sleep(100);
        assertThat(seen).hasSize(10);
        run.step(1);
        waitFor(() -> seen.size() == 11);
        run.cancel();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(11);
    }

    @Test
    void pacedRunFollowsTheRequestedSpeed() throws Exception {
        ImmediateUI ui = new ImmediateUI();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        LiveRun<List<Integer>> run = service.start(ui, new Counter(100_000), seen::addAll, e -> {}, 200, false);
        Thread.sleep(500);
        run.cancel();
        // 200 steps/s for 0.5 s: about 100 steps, far from the 100,000 it could do at full speed
        assertThat(seen.size()).isBetween(40, 200);
    }

    @Test
    void refusesStartsBeyondTheConcurrencyCap() {
        ImmediateUI ui = new ImmediateUI();
        service.start(ui, new Counter(10), b -> {}, e -> {}, 1, true);
        service.start(ui, new Counter(10), b -> {}, e -> {}, 1, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.start(ui, new Counter(10), b -> {}, e -> {}, 1, true))
                .isInstanceOf(LiveRunService.BusyException.class)
                .hasMessageContaining("maximum of 2");
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!c.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertThat(c.getAsBoolean()).isTrue();
    }
}
