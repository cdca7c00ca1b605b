package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    /** Waits until {@code n} jobs are running or waiting (the callers are on other threads). */
    private static void awaitInFlight(WorkQueue q, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (q.inFlight() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(q.inFlight()).isEqualTo(n);
    }

    @Test
    void acceptsConcurrentPlusQueuedAndRefusesTheNextWithARetryHint() throws Exception {
        int concurrent = 2;
        int queued = 3;
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(concurrent + queued);
        try (WorkQueue q = new WorkQueue("test", concurrent, queued, 30_000, 30_000)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent + queued; i++) {
                int id = i;
                answers.add(clients.submit(() -> q.run(() -> {
                    gate.await();
                    return id;
                })));
            }
            awaitInFlight(q, concurrent + queued);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> q.run(() -> -1))
                    .isInstanceOf(BusyException.class)
                    .satisfies(e -> assertThat(((BusyException) e).retryAfterSeconds()).isGreaterThanOrEqualTo(1));
            // a full line refuses at once, it does not wait out maxWaitMs
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
            gate.countDown();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(q.inFlight()).isZero();
            assertThat(q.run(() -> 7)).isEqualTo(7);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aWaitingJobGivesUpAfterMaxWait() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try (WorkQueue q = new WorkQueue("test", 1, 4, 200, 30_000)) {
            Future<String> first = clients.submit(() -> q.run(() -> {
                gate.await();
                return "first";
            }));
            awaitInFlight(q, 1);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> q.run(() -> "second")).isInstanceOf(BusyException.class)
                    .hasMessageContaining("200 ms");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(190);
            gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aQueuedJobRunsWhenASlotFrees() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try (WorkQueue q = new WorkQueue("test", 1, 1, 10_000, 30_000)) {
            Future<String> first = clients.submit(() -> q.run(() -> {
                gate.await();
                return "first";
            }));
            awaitInFlight(q, 1);
            new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                gate.countDown();
            }).start();
            assertThat(q.run(() -> "second")).isEqualTo("second"); // waited ~100 ms, then ran
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aJobPastItsTimeLimitIsInterruptedAndItsSlotFreed() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        // maxWait covers the moment between the job noticing the interrupt and giving its slot back
        try (WorkQueue q = new WorkQueue("test", 1, 0, 5_000, 100)) {
            assertThatThrownBy(() -> q.run(() -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            })).isInstanceOf(TimeLimitException.class).hasMessageContaining("100 ms");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(q.run(() -> "next")).isEqualTo("next");
        }
    }

    @Test
    void theJobsOwnExceptionsPassThrough() {
        try (WorkQueue q = new WorkQueue("test", 1, 0, 0, 10_000)) {
            assertThatThrownBy(() -> q.run(() -> {
                throw new IllegalArgumentException("bad input");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
        }
    }
}
