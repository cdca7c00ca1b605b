package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.experiment.WorkQueue;
import dev.lrlab.spec.Limits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Previews run on their own queue, and a preview that failed is not recomputed by every GET. */
@Timeout(60)
class PreviewQueueTest {
    static final ExperimentService EXPERIMENTS = new ExperimentService(Limits.DEFAULT, 2, 60_000);

    @AfterAll
    static void close() {
        EXPERIMENTS.close();
    }

    /** Eight runs of 100,000 curvature steps: far more than the preview queue's 200 ms. */
    static Map<String, Object> heavy() {
        Map<String, Object> run = Map.of("steps", 100_000, "optimizer", Map.of("type", "sgd", "lr", 0.001),
                "schedule", Map.of("type", "curvature", "powerIterations", 50));
        return Map.of("landscape", Map.of("type", "rosenbrock"), "runs", List.of(run));
    }

    @Test
    void aTimedOutPreviewIsAnsweredFromTheFailureCacheWithoutNewWork() {
        LinkTestDb db = new LinkTestDb();
        WorkQueue previews = new WorkQueue("preview-test", 1, 0, 0, 200);
        LinkService links = new LinkService(EXPERIMENTS, db.store, new RateLimiter(100), 65536, "test",
                Clock.systemUTC(), previews);
        String id = links.create("10.0.0.1", EXPERIMENTS.compile(heavy())).id();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> links.preview(id)).isInstanceOf(TimeLimitException.class);
        assertThat((System.nanoTime() - t0) / 1e6).as("first preview ms").isLessThan(1200);
        // the same answer again at once, without taking the preview slot
        for (int i = 0; i < 5; i++) {
            long t1 = System.nanoTime();
            assertThatThrownBy(() -> links.preview(id)).isInstanceOf(TimeLimitException.class);
            assertThat((System.nanoTime() - t1) / 1e6).as("cached failure ms").isLessThan(50);
        }
        assertThat(previews.inFlight()).isZero();
        previews.close();
    }

    @Test
    void previewsDoNotUseTheApisSlots() throws Exception {
        LinkTestDb db = new LinkTestDb();
        LinkService links = db.service(EXPERIMENTS, 100);
        assertThat(links.previewQueue().maxConcurrent()).isEqualTo(1);
        assertThat(links.previewQueue().timeoutMs()).isEqualTo(EXPERIMENTS.timeoutMs());
        String id = links.create("10.0.0.2", EXPERIMENTS.compile(Map.of("landscape", Map.of("type", "rosenbrock"),
                "runs", List.of(Map.of("steps", 50, "optimizer", Map.of("type", "sgd", "lr", 0.001)))))).id();
        byte[] png = links.preview(id).orElseThrow();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
