package dev.lrlab.live.vaadin;

import com.vaadin.flow.component.UI;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveScheduler;
import dev.lrlab.live.LiveSession;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The node's live scheduler, configured from {@code lrlab.live.*}, and the way UIs watch its sessions. */
@Service
public class LiveUiService implements DisposableBean {

    private final LiveScheduler scheduler;
    private final long unwatchedTimeoutMillis;

    public LiveUiService(@Value("${lrlab.live.threads:0}") int threads,
                         @Value("${lrlab.live.max-steps-per-second:2000000}") long maxStepsPerSecond,
                         @Value("${lrlab.live.unwatched-timeout-seconds:60}") long unwatchedTimeoutSeconds,
                         @Value("${lrlab.live.max-step-millis:50}") long maxStepMillis,
                         @Value("${lrlab.live.heavy-step-millis:5}") long heavyStepMillis) {
        this.scheduler = LiveScheduler.start(LiveScheduler.Settings.defaults().withThreads(threads)
                .withMaxStepsPerSecond(maxStepsPerSecond).withStepBounds(maxStepMillis, heavyStepMillis));
        this.unwatchedTimeoutMillis = unwatchedTimeoutSeconds * 1000;
    }

    public LiveScheduler scheduler() {
        return scheduler;
    }

    /** A paused session of {@code experiment}; see {@link LiveScheduler#open}. */
    public LiveSession open(CompiledExperiment experiment, int stride, double stepsPerSecond) {
        return scheduler.open(experiment, stride, stepsPerSecond);
    }

    /** Streams {@code session} into {@code ui}; {@code onUi} runs inside {@code ui.access}. Call on the UI thread. */
    public UiFeed watch(UI ui, LiveSession session, Consumer<LiveBatch> onUi) {
        return UiFeed.connect(ui, session, onUi, unwatchedTimeoutMillis);
    }

    @Override
    public void destroy() {
        scheduler.close();
    }
}
