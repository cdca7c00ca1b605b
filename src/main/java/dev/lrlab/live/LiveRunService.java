package dev.lrlab.live;

import com.vaadin.flow.component.UI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs streaming simulations off the UI thread, at most {@code lrlab.live.max-concurrent} at once
 * across all users (a further start is refused with {@link BusyException}).
 */
@Service
public class LiveRunService implements DisposableBean {

    private final ExecutorService pool;
    private final Semaphore slots;
    private final int maxConcurrent;

    public LiveRunService(@Value("${lrlab.live.max-concurrent:32}") int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "live-run-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(maxConcurrent, threads);
    }

    /**
     * Starts streaming {@code job} into {@code ui}. Capture the UI on the request thread before
     * calling. {@code onBatch} and {@code onEnd} run inside {@code ui.access}.
     *
     * @param stepsPerSecond pacing; 0 or less for as fast as possible
     */
    public <B> LiveRun<B> start(UI ui, SteppedJob<B> job, Consumer<B> onBatch, Consumer<LiveRun.End> onEnd,
                                double stepsPerSecond, boolean startPaused) {
        if (!slots.tryAcquire()) {
            throw new BusyException(maxConcurrent);
        }
        LiveRun<B> run = new LiveRun<>(ui, job, onBatch, onEnd, stepsPerSecond, startPaused);
        run.onRelease(slots::release);
        try {
            pool.execute(run);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        return run;
    }

    public int running() {
        return maxConcurrent - slots.availablePermits();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** All simulation slots are taken. */
    public static final class BusyException extends RuntimeException {
        public BusyException(int max) {
            super("The server is running its maximum of " + max + " live simulations; try again in a moment.");
        }
    }
}
