package dev.lrlab.live.vaadin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.LiveSink;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Feeds one session's batches into one UI with {@code ui.access}, at most one access in flight:
 * batches that arrive while the previous one is still being applied are merged into a single
 * pending batch, so a slow browser (or a busy session lock) never piles up work. Also tells the
 * scheduler when the UI is gone: detached, closing, or no heartbeat for longer than the timeout
 * (a tab that vanished without closing), after which the session ends and lets go of its memory.
 */
public final class UiFeed implements LiveSink, AutoCloseable {

    private final UI ui;
    private final LiveSession session;
    private final Consumer<LiveBatch> onUi;
    private final long timeoutMillis;
    private final AtomicReference<LiveBatch> pending = new AtomicReference<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final LiveSession.Subscription subscription;
    private final Registration detach;
    private volatile boolean closed;

    private UiFeed(UI ui, LiveSession session, Consumer<LiveBatch> onUi, long timeoutMillis) {
        this.ui = ui;
        this.session = session;
        this.onUi = onUi;
        this.timeoutMillis = timeoutMillis;
        this.detach = ui.addDetachListener(e -> {
            close();
            session.stop();
        });
        this.subscription = session.subscribe(this);
    }

    /**
     * Subscribes {@code ui} to {@code session}; {@code onUi} runs inside {@code ui.access}. Call
     * on the UI thread (the session lock is held there).
     */
    public static UiFeed connect(UI ui, LiveSession session, Consumer<LiveBatch> onUi, long unwatchedTimeoutMillis) {
        return new UiFeed(ui, session, onUi, unwatchedTimeoutMillis);
    }

    @Override
    public void accept(LiveBatch batch) {
        pending.accumulateAndGet(batch, LiveBatch::merge);
        if (inFlight.compareAndSet(false, true)) {
            send();
        }
    }

    private void send() {
        LiveBatch b = pending.getAndSet(null);
        if (b == null || closed) {
            inFlight.set(false);
            // a batch may have arrived between the read and the reset
            if (!closed && pending.get() != null && inFlight.compareAndSet(false, true)) {
                send();
            }
            return;
        }
        try {
            ui.access(() -> {
                try {
                    if (!closed) {
                        onUi.accept(b);
                    }
                } finally {
                    applied();
                }
            });
        } catch (UIDetachedException e) {
            closed = true;
            session.stop();
        }
    }

    private void applied() {
        inFlight.set(false);
        if (pending.get() != null && inFlight.compareAndSet(false, true)) {
            send();
        }
    }

    /**
     * Read on the scheduler's thread without the session lock: the heartbeat timestamp is a plain
     * long written by request threads, and a stale value only delays the verdict by a sweep.
     */
    @Override
    public boolean alive() {
        if (closed || ui.isClosing() || ui.getSession() == null) {
            return false;
        }
        long last = ui.getInternals().getLastHeartbeatTimestamp();
        return System.currentTimeMillis() - last <= timeoutMillis;
    }

    /** Stops feeding the UI (the session itself goes on; stop it separately). Call on the UI thread. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            subscription.close();
            detach.remove();
        }
    }
}
