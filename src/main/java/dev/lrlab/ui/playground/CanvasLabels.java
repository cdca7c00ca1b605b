package dev.lrlab.ui.playground;

import dev.lrlab.ui.landscape.LandscapeCanvas;
import java.util.function.Function;

/** The landscape canvas's strings in the UI language. */
public final class CanvasLabels {

    private CanvasLabels() {}

    public static LandscapeCanvas.Labels of(Function<String, String> t) {
        return new LandscapeCanvas.Labels("θ₁", "θ₂", "θ", "f(θ)", "f", t.apply("canvas.zoomIn"),
                t.apply("canvas.zoomOut"), t.apply("canvas.fit"), t.apply("canvas.reset"), t.apply("export.png"));
    }
}
