package dev.lrlab.ui.landscape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock and the scrubber: Flow wrapper of {@code <lr-player>}. The browser owns the playhead
 * (a step index); it advances smoothly at {@link #setStepsPerSecond the run's pace} up to the latest
 * step received ({@link #setAvailable}) and calls {@code setPlayhead(step)} on its target elements
 * (an {@link LandscapeCanvas}, an {@code ApexChart}) every animation frame it moves, so markers move
 * at 60 fps while the server pushes batches every ~60 ms. The server hears the playhead through
 * {@link #addPlayheadListener} at most 10 times a second, plus once when it stops.
 */
@Tag("lr-player")
@JsModule("./components/lr-player.ts")
public class Timeline extends Component implements HasSize, HasStyle {

    private int playhead;

    public Timeline() {
        setWidthFull();
        addPlayheadListener(e -> playhead = e.getStep());
    }

    /**
     * The elements whose playhead this timeline drives, by element id (ids are assigned when
     * missing). Each must have a {@code setPlayhead(step)} method: {@code <lr-landscape>} and
     * {@code <lr-chart>} do.
     */
    public void setTargets(Component... targets) {
        List<String> ids = new ArrayList<>();
        for (Component c : targets) {
            String id = c.getId().orElse(null);
            if (id == null) {
                id = "lr-target-" + Integer.toHexString(System.identityHashCode(c));
                c.setId(id);
            }
            ids.add(id);
        }
        setTargetIds(ids);
    }

    /** The target elements by id (see {@link #setTargets(Component...)}). */
    public void setTargetIds(List<String> ids) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        ids.forEach(arr::add);
        getElement().callJsFunction("setTargets", LandscapeCanvas.write(arr));
    }

    /** The slider's maximum: the run's planned number of steps. */
    public void setTotal(int steps) {
        getElement().callJsFunction("setTotal", steps);
    }

    /** The latest step received; call with each batch. The playhead never passes it. */
    public void setAvailable(int step) {
        getElement().callJsFunction("setAvailable", step);
    }

    /** The run's pace: the playhead advances at this rate. 0 = unpaced: it jumps to the head every frame. */
    public void setStepsPerSecond(double stepsPerSecond) {
        getElement().callJsFunction("setStepsPerSecond", stepsPerSecond);
    }

    /** The playhead follows the head again (after the user scrubbed). */
    public void follow() {
        getElement().callJsFunction("follow");
    }

    /** Parks the playhead at a step (stops following). */
    public void setPlayhead(int step) {
        getElement().callJsFunction("setPlayhead", step);
    }

    /** Back to step 0 with nothing available, following: call before a new run. */
    public void reset() {
        playhead = 0;
        getElement().callJsFunction("reset");
    }

    /** The slider's accessible name. */
    public void setAriaLabel(String label) {
        getElement().callJsFunction("setAriaLabel", label);
    }

    /** The visible step label; {0} is the step, {1} the total, e.g. "step {0} / {1}" or "第 {0} / {1} 步". */
    public void setLabelFormat(String format) {
        getElement().callJsFunction("setLabelFormat", format);
    }

    /** The last playhead step the browser reported. */
    public int getPlayhead() {
        return playhead;
    }

    /** The playhead moved (throttled to ≤ 10/s, plus a final event when it stops): update readouts. */
    public Registration addPlayheadListener(ComponentEventListener<PlayheadEvent> listener) {
        return addListener(PlayheadEvent.class, listener);
    }

    @DomEvent("lr-playhead")
    public static class PlayheadEvent extends ComponentEvent<Timeline> {
        private final int step;

        public PlayheadEvent(Timeline source, boolean fromClient, @EventData("event.detail.step") int step) {
            super(source, fromClient);
            this.step = step;
        }

        public int getStep() {
            return step;
        }
    }
}
