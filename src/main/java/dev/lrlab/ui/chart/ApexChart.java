package dev.lrlab.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;

/**
 * The project's own Flow wrapper of the ApexCharts npm package. Options go over once; afterwards
 * only new points are sent ({@link #appendPoints}), so appending N points costs O(N) on the wire
 * and the server keeps no series data.
 */
@Tag("lr-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./components/lr-chart.ts")
public class ApexChart extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApexChart() {
        setWidthFull();
        setHeight("320px");
        getStyle().set("display", "block");
    }

    /** Sets ApexCharts options (chart, series, axes, ...). See {@link ChartOptions} for a builder. */
    public void setOptions(ObjectNode options) {
        getElement().callJsFunction("setOptions", write(options));
    }

    /**
     * Appends points to series; {@code xs[s]} and {@code ys[s]} are the new points of series s
     * (empty for none). Non-finite values are dropped: a diverged run stays drawable.
     */
    public void appendPoints(List<double[]> xs, List<double[]> ys) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        boolean any = false;
        for (int s = 0; s < xs.size(); s++) {
            ArrayNode series = all.addArray();
            double[] x = xs.get(s);
            double[] y = ys.get(s);
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    series.addArray().add(x[i]).add(y[i]);
                    any = true;
                }
            }
        }
        if (any) {
            getElement().callJsFunction("appendPoints", write(all));
        }
    }

    /** Empties every series. */
    public void clear() {
        getElement().callJsFunction("clear");
    }

    /**
     * Marks the series of diverged runs: they no longer set the y range, values beyond it are
     * drawn at the edge, and a marker with {@code label} shows where each leaves the chart.
     */
    public void setDiverged(java.util.Collection<Integer> series, String label) {
        setDiverged(series, java.util.Map.of(), label);
    }

    /** The same, with the marker of series i at x = {@code at.get(i)} (where it diverged) on the top edge. */
    public void setDiverged(java.util.Collection<Integer> series, java.util.Map<Integer, Double> at, String label) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = o.putArray("series");
        series.forEach(arr::add);
        ObjectNode x = o.putObject("at");
        at.forEach((i, v) -> x.put(Integer.toString(i), v));
        o.put("label", label);
        getElement().callJsFunction("setDiverged", write(o));
    }

    /** New title, x-axis title, empty text, CSV quantity and toolbar language; the data stays. */
    public void relabel(String title, String xTitle, String noData, String quantity, String languageTag) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("title", title).put("xTitle", xTitle).put("noData", noData).put("quantity", quantity)
                .put("locale", languageTag);
        getElement().callJsFunction("relabel", write(o));
    }

    /**
     * Text size in px of tick labels, titles and legend (0: the normal sizes); the chart is redrawn
     * with its data and keeps the size through later {@link #setOptions}.
     */
    public void setFontSize(int px) {
        getElement().callJsFunction("setFontSize", px);
    }

    /** Horizontal reference lines, e.g. the stability edge 2/λmax. */
    public void setYAnnotations(List<YLine> lines) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (YLine l : lines) {
            arr.addObject().put("y", l.y()).put("label", l.label()).put("color", l.color());
        }
        getElement().callJsFunction("setYAnnotations", write(arr));
    }

    /** A horizontal dashed line with a label. */
    public record YLine(double y, String label, String color) {}

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
