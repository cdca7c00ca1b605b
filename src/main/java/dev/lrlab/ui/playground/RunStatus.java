package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.live.LiveBatch;
import dev.lrlab.live.LiveSession;
import dev.lrlab.live.TooSlow;
import java.util.List;

/**
 * The status line under the run controls, the divergence banner above the landscape, and the
 * banner saying the server paused or stopped the run because its steps are too slow to play live.
 */
public class RunStatus extends Div {
    private final Div banner = new Div();
    private final Div tooSlow = new Div();
    private final Span status = new Span();

    public RunStatus() {
        banner.setId("diverged-banner");
        banner.addClassName("lr-banner");
        banner.setVisible(false);
        tooSlow.setId("too-slow-banner");
        tooSlow.addClassName("lr-banner");
        tooSlow.setVisible(false);
        status.setId("run-status");
        status.addClassName("lr-muted");
        add(banner, tooSlow, status);
    }

    public void idle() {
        clearBanner();
        status.setText(getTranslation("status.idle"));
    }

    /** The experiment changed after a run: the old result is gone, the new one needs Run. */
    public void edited() {
        clearBanner();
        status.setText(getTranslation("status.edited"));
    }

    public void invalid(String field) {
        status.setText(getTranslation("status.invalid", FieldLabels.ofPath(field, this::getTranslation)));
    }

    public void running(int step) {
        status.setText(getTranslation("status.running", step));
    }

    public void paused(int step) {
        status.setText(getTranslation("status.paused", step));
    }

    public void stopped(int step) {
        status.setText(getTranslation("status.stopped", step));
    }

    /** How the session ended: finished (with how many runs diverged) or stopped. */
    public void ended(LiveBatch end) {
        long diverged = end.diverged();
        if (end.end() == LiveSession.End.FINISHED && diverged > 0) {
            status.setText(getTranslation("status.finishedDiverged", end.step(), diverged, end.runs().size()));
        } else if (end.end() == LiveSession.End.FINISHED) {
            status.setText(getTranslation("status.finished", end.step()));
        } else {
            stopped(end.step());
        }
    }

    /** One line per diverged run ("… diverged at step k"), or no banner. */
    public void diverged(List<String> runs) {
        if (!runs.isEmpty()) {
            banner.setText(String.join(" · ", runs));
            banner.setVisible(true);
        }
    }

    /** The server paused (or stopped) the run: how slow its steps are and what to do instead. */
    public void tooSlow(TooSlow t) {
        tooSlow.setText(getTranslation(t.messageKey(), t.duration(getLocale())));
        tooSlow.setVisible(true);
    }

    /** Playing again after a too-slow pause: the notice is old news. */
    public void clearTooSlow() {
        tooSlow.setVisible(false);
    }

    public void clearBanner() {
        banner.setVisible(false);
        tooSlow.setVisible(false);
    }
}
