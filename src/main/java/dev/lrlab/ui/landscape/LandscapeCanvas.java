package dev.lrlab.ui.landscape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;

/**
 * A canvas view of a loss landscape with optimizer trajectories: Flow wrapper of
 * {@code <lr-landscape>}. The server sends the field (a grid of f over a view box, or a 1-D curve)
 * and new trajectory points only; the browser keeps the data, pans and zooms immediately, and asks
 * for a fresh grid ({@link #addViewChangeListener}) after a gesture settles. Markers sit at the
 * playhead step set by a {@link Timeline} targeting this component (or at the last point without one).
 */
@Tag("lr-landscape")
@NpmPackage(value = "d3-contour", version = "4.0.2")
@JsModule("./components/lr-landscape.ts")
public class LandscapeCanvas extends Component implements HasSize, HasStyle {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A run as the canvas draws it: CSS colour, legend label, visibility. */
    public record Run(String color, String label, boolean visible) {
        public Run {
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * The user-visible strings; every one is shown in the UI (axis labels, the hover readout, the
     * overlay buttons' tooltips and accessible names).
     *
     * @param x     2-D horizontal axis, e.g. "θ₁"
     * @param y     2-D vertical axis, e.g. "θ₂"
     * @param x1d   1-D horizontal axis, e.g. "θ"
     * @param y1d   1-D vertical axis, e.g. "f(θ)"
     * @param value the loss in the 2-D hover readout, e.g. "f"
     */
    public record Labels(String x, String y, String x1d, String y1d, String value, String zoomIn, String zoomOut,
                         String fitView, String resetView, String downloadPng) {
        /** English defaults (the component's own defaults). */
        public static Labels english() {
            return new Labels("θ₁", "θ₂", "θ", "f(θ)", "f", "Zoom in", "Zoom out", "Fit the runs",
                    "Reset view", "Download PNG");
        }
    }

    private Labels labels = Labels.english();
    /** SHA-256 of the field the browser has, or null. */
    private byte[] shownField;

    public LandscapeCanvas() {
        setWidthFull();
        setHeight("420px");
    }

    /** Replaces the landscape. A field for a new box also becomes the box the reset button returns to. */
    public void setField(LandscapeField field) {
        String json = write(field.json());
        // a class push that changes only η sends the same field again: ~150 KB and a contour pass
        // on every seat for nothing; the digest (not the text) is kept, so a page holds 32 bytes
        byte[] digest = sha256(json);
        if (java.util.Arrays.equals(digest, shownField)) {
            return;
        }
        shownField = digest;
        getElement().callJsFunction("setField", json);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent e) {
        shownField = null; // a re-attached element starts empty
        super.onDetach(e);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the runs and clears every trajectory. Run index i is the i-th entry. */
    public void setRuns(List<Run> runs) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Run r : runs) {
            arr.addObject().put("color", r.color()).put("label", r.label()).put("visible", r.visible());
        }
        getElement().callJsFunction("setRuns", write(arr));
    }

    /**
     * Appends trajectory points in step order (the first point of a run is step 0, its start).
     * {@code points.get(run)} is an array of [x, y] pairs (for 1-D: [θ, f(θ)]); an empty or null
     * entry adds nothing to that run. Non-finite coordinates are sent as null: the point keeps
     * its step index but is not drawn.
     */
    public void appendTrajectory(List<double[][]> points) {
        String json = trajectoryJson(points);
        if (json != null) {
            getElement().callJsFunction("appendTrajectory", json);
        }
    }

    /** Shows or hides one run's path and marker. */
    public void setVisible(int run, boolean visible) {
        getElement().callJsFunction("setVisible", run, visible);
    }

    /** The run diverged at {@code step}: its path stops there and its marker turns into a red ×. */
    public void setDiverged(int run, int step) {
        getElement().callJsFunction("setDiverged", run, step);
    }

    /** Moves the markers to {@code step} directly (normally a {@link Timeline} does this in the browser). */
    /** Steps between the points of a trajectory (the playhead and divergence stay in steps). */
    public void setStride(int stride) {
        getElement().callJsFunction("setStride", stride);
    }

    public void setPlayhead(int step) {
        getElement().callJsFunction("setPlayhead", step);
    }

    /** Sets every user-visible string (call from the view's localeChange). */
    public void setLabels(Labels labels) {
        this.labels = Objects.requireNonNull(labels);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("x", labels.x()).put("y", labels.y()).put("x1d", labels.x1d()).put("y1d", labels.y1d())
                .put("value", labels.value()).put("zoomIn", labels.zoomIn()).put("zoomOut", labels.zoomOut())
                .put("fit", labels.fitView()).put("reset", labels.resetView()).put("download", labels.downloadPng());
        getElement().callJsFunction("setLabels", write(o));
    }

    public Labels getLabels() {
        return labels;
    }

    /** Downloads the canvas with its trajectories as a PNG file in the user's browser. */
    public void exportPng(String filename) {
        getElement().callJsFunction("exportPng", filename);
    }

    /** The heading of the exported PNG: the preset's or experiment's name (its legend lists the runs). */
    public void setExportTitle(String title) {
        getElement().callJsFunction("setExportTitle", title == null ? "" : title);
    }

    /** Normal size of the tick labels in px; a projector uses {@link #PROJECTOR_TEXT_PX}. */
    public static final int NORMAL_TEXT_PX = 11;
    /** Tick labels read from the back of a lecture hall at this size (axis titles and legend grow with it). */
    public static final int PROJECTOR_TEXT_PX = 20;

    /** Tick label size in px; axis titles, legend, markers and the hover readout grow with it. */
    public void setTextSize(int px) {
        getElement().callJsFunction("setTextSize", px);
    }

    /** The file name the overlay's download button uses. */
    public void setExportFileName(String filename) {
        getElement().callJsFunction("setExportName", filename);
    }

    /** The user panned or zoomed (fired ~250 ms after the gesture settles): send a grid for the new box. */
    public Registration addViewChangeListener(ComponentEventListener<ViewChangeEvent> listener) {
        return addListener(ViewChangeEvent.class, listener);
    }

    /** The user clicked (without dragging) on the plot: e.g. set a run's start point there. */
    public Registration addPickListener(ComponentEventListener<PickEvent> listener) {
        return addListener(PickEvent.class, listener);
    }

    /** The visible box after a pan or zoom, in data coordinates. */
    @DomEvent("lr-view-change")
    public static class ViewChangeEvent extends ComponentEvent<LandscapeCanvas> {
        private final double x0;
        private final double x1;
        private final double y0;
        private final double y1;

        public ViewChangeEvent(LandscapeCanvas source, boolean fromClient,
                               @EventData("event.detail.x0") double x0, @EventData("event.detail.x1") double x1,
                               @EventData("event.detail.y0") double y0, @EventData("event.detail.y1") double y1) {
            super(source, fromClient);
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
        }

        public double getX0() {
            return x0;
        }

        public double getX1() {
            return x1;
        }

        /** Bottom of the box (2-D: θ₂; 1-D: f). */
        public double getY0() {
            return y0;
        }

        public double getY1() {
            return y1;
        }
    }

    /** A click at a point of the plot, in data coordinates. In 1-D mode y is f(x) on the curve. */
    @DomEvent("lr-pick")
    public static class PickEvent extends ComponentEvent<LandscapeCanvas> {
        private final double x;
        private final double y;

        public PickEvent(LandscapeCanvas source, boolean fromClient,
                         @EventData("event.detail.x") double x, @EventData("event.detail.y") double y) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
        }

        public double getX() {
            return x;
        }

        public double getY() {
            return y;
        }
    }

    /** The JSON sent by {@link #appendTrajectory}, or null when there is nothing to send. */
    static String trajectoryJson(List<double[][]> points) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        boolean any = false;
        for (double[][] run : points) {
            ArrayNode arr = all.addArray();
            if (run == null) {
                continue;
            }
            for (double[] p : run) {
                ArrayNode pt = arr.addArray();
                for (int k = 0; k < 2; k++) {
                    double v = p != null && p.length > k ? p[k] : Double.NaN;
                    if (Double.isFinite(v)) {
                        pt.add(v);
                    } else {
                        pt.addNull();
                    }
                }
                any = true;
            }
        }
        return any ? write(all) : null;
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
