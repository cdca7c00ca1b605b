package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import dev.lrlab.experiment.Compiled;

/**
 * Hands an experiment opened elsewhere (a short link, compiled once there) to the playground the
 * navigation forwards to, so it is shown without a second compile and without squeezing it
 * through a share code in the URL. Held on the UI for the one navigation, then taken.
 */
public final class LinkedExperiment {
    private final Compiled compiled;

    private LinkedExperiment(Compiled compiled) {
        this.compiled = compiled;
    }

    /** Leaves {@code compiled} for the next playground that enters in this UI. */
    public static void handTo(UI ui, Compiled compiled) {
        ComponentUtil.setData(ui, LinkedExperiment.class, new LinkedExperiment(compiled));
    }

    /** The experiment left for this navigation (then forgotten), or null. */
    static Compiled take(UI ui) {
        LinkedExperiment left = ComponentUtil.getData(ui, LinkedExperiment.class);
        if (left == null) {
            return null;
        }
        ComponentUtil.setData(ui, LinkedExperiment.class, null);
        return left.compiled;
    }
}
