package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.core.work.WorkGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queue's jobs run under a WorkGuard: the deadline frees the slot even when the job ignores interrupts. */
@Timeout(30)
class WorkQueueGuardTest {

    /** A job that swallows interrupts (as library code may) but checks the guard, like every engine loop. */
    private static Integer ignoresInterruptsChecksGuard(AtomicLong endedAt) {
        double x = 1;
        try {
            while (true) {
                for (int i = 0; i < 10_000; i++) { // a chunk of work, during which an interrupt lands
                    x = Math.sqrt(x + i);
                }
                Thread.interrupted(); // a library that clears the flag and carries on
                WorkGuard.check();
                if (x < 0) {
                    return 0; // never: keeps the loop's work alive
                }
            }
        } finally {
            endedAt.set(System.nanoTime());
        }
    }

    @Test
    void theSlotIsFreeWithin100msOfTheDeadlineForAJobThatIgnoresInterrupts() throws Exception {
        long timeoutMs = 300;
        try (WorkQueue q = new WorkQueue("guard", 1, 0, 0, timeoutMs)) {
            AtomicLong endedAt = new AtomicLong();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> q.run(() -> ignoresInterruptsChecksGuard(endedAt)))
                    .isInstanceOf(TimeLimitException.class);
            // the next job gets the only slot (no waiting allowed) within 100 ms of the deadline
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            long answeredAt = System.nanoTime();
            Integer next = null;
            while (next == null && System.nanoTime() - deadline < TimeUnit.MILLISECONDS.toNanos(100)) {
                try {
                    next = q.run(() -> 42);
                } catch (BusyException stillHeld) {
                    Thread.sleep(1);
                }
            }
            assertThat(next).isEqualTo(42);
            assertThat(endedAt.get()).isPositive();
            assertThat((endedAt.get() - deadline) / 1e6).as("ms after the deadline the job ended").isLessThan(100);
            assertThat((answeredAt - t0) / 1e6).as("ms until the caller got its answer").isLessThan(timeoutMs + 100);
        }
    }

    @Test
    void aCancelledCallerGuardStopsItsJob() throws Exception {
        try (WorkQueue q = new WorkQueue("caller", 1, 0, 0, 20_000)) {
            WorkGuard caller = WorkGuard.unbounded();
            AtomicLong endedAt = new AtomicLong();
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                Future<Object> answer = client.submit(() -> caller.call(() -> q.run(() -> ignoresInterruptsChecksGuard(endedAt))));
                Thread.sleep(200);
                long cancelledAt = System.nanoTime();
                caller.cancel("client gone");
                assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(WorkGuard.Stopped.class);
                while (endedAt.get() == 0 && System.nanoTime() - cancelledAt < TimeUnit.SECONDS.toNanos(5)) {
                    Thread.sleep(1);
                }
                assertThat((endedAt.get() - cancelledAt) / 1e6).as("ms from cancel to the job's end").isLessThan(200);
                // the job hands its slot back in its own finally, a moment after it ended: the slot is
                // free again within 100 ms of the job's end
                long freeBy = endedAt.get() + TimeUnit.MILLISECONDS.toNanos(100);
                Integer next = null;
                while (next == null) {
                    try {
                        next = q.run(() -> 7);
                    } catch (BusyException e) {
                        assertThat(System.nanoTime()).as("the slot is free again within 100 ms").isLessThan(freeBy);
                        Thread.sleep(1);
                    }
                }
                assertThat(next).isEqualTo(7);
            } finally {
                client.shutdownNow();
            }
        }
    }

    @Test
    void theRetryHintGrowsWhileLongJobsHoldTheSlots() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (WorkQueue q = new WorkQueue("hint", 1, 0, 0, 60_000)) {
            client.submit(() -> q.run(() -> {
                release.await();
                return 0;
            }));
            Thread.sleep(2_300); // the one slot has been held for over two seconds
            assertThatThrownBy(() -> q.run(() -> 1)).isInstanceOfSatisfying(BusyException.class,
                    e -> assertThat(e.retryAfterSeconds()).isGreaterThanOrEqualTo(3));
        } finally {
            release.countDown();
            client.shutdownNow();
        }
    }
}
