package dev.lrlab.ui.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds the ApexCharts options the app uses: numeric-x line charts that stream. */
public final class ChartOptions {

    private ChartOptions() {}

    /**
     * A line chart over steps with one empty series per name.
     *
     * @param noDataText shown while the chart is empty
     * @param logY logarithmic y axis (loss curves)
     */
    public static ObjectNode streamingLine(String title, String xTitle, String noDataText, List<String> seriesNames,
                                           List<String> colors, boolean logY) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        ObjectNode chart = o.putObject("chart");
        chart.put("type", "line").put("height", "100%").put("fontFamily", "inherit");
        chart.putObject("animations").put("enabled", false);
        chart.putObject("zoom").put("enabled", true).put("type", "x");
        ObjectNode toolbar = chart.putObject("toolbar");
        toolbar.put("show", true);
        // the toolbar sits on its own line under the title (a margin leaves room for it above the
        // plot): in a narrow chart a long title such as "Distance to the equilibrium" ran under the icons
        toolbar.put("offsetY", 38);
        ObjectNode tools = toolbar.putObject("tools");
        tools.put("download", true).put("selection", false).put("zoom", true).put("zoomin", true)
                .put("zoomout", true).put("pan", false).put("reset", true);
        o.putObject("title").put("text", title).put("align", "left").put("margin", 36)
                .putObject("style").put("fontSize", "14px").put("fontWeight", 600);
        o.putObject("stroke").put("width", 2).put("curve", "straight");
        o.putObject("dataLabels").put("enabled", false);
        o.putObject("markers").put("size", 0);
        o.putObject("legend").put("show", seriesNames.size() > 1);
        o.putObject("tooltip").put("shared", true).putObject("x").put("show", true);
        ObjectNode x = o.putObject("xaxis");
        x.put("type", "numeric").put("tickAmount", 6).put("decimalsInFloat", 0);
        x.putObject("title").put("text", xTitle);
        x.putObject("labels").put("hideOverlappingLabels", true);
        ObjectNode y = o.putObject("yaxis");
        // the component formats ticks with three significant digits (lr 0.0005 is not "0.000")
        y.put("forceNiceScale", true);
        // the component plots log10(y) itself and labels the axis in powers of ten
        o.put("lrLogY", logY);
        o.putObject("noData").put("text", noDataText).putObject("style").put("fontSize", "14px");
        ArrayNode series = o.putArray("series");
        for (String name : seriesNames) {
            series.addObject().put("name", name).putArray("data");
        }
        ArrayNode c = o.putArray("colors");
        colors.forEach(c::add);
        return o;
    }

    /** A small static line chart (e.g. the schedule preview lr(t)) with its data inline. */
    public static ObjectNode series(String title, String xTitle, String name, String color, List<Double> xs, List<Double> ys) {
        ObjectNode o = streamingLine(title, xTitle, "", List.of(name), List.of(color), false);
        o.with("chart").with("toolbar").put("show", false);
        o.with("chart").with("zoom").put("enabled", false);
        ArrayNode data = ((ObjectNode) o.withArray("series").get(0)).putArray("data");
        for (int i = 0; i < xs.size(); i++) {
            double y = ys.get(i);
            if (Double.isFinite(y)) {
                data.addArray().add(xs.get(i)).add(y);
            }
        }
        o.with("yaxis").put("decimalsInFloat", 4);
        // the preview's points stop at the last update (T − 1): the axis still ends at T
        xs.stream().mapToDouble(Double::doubleValue).max()
                .ifPresent(m -> StepAxis.of((long) Math.ceil(m) + 1).applyTo(o));
        return zeroBasedY(o);
    }

    /**
     * What the component needs beyond ApexCharts' options: the plotted quantity (CSV headers),
     * the export file name without extension (e.g. lrlab-loss) and the language tag of the
     * toolbar's texts.
     */
    public static ObjectNode meta(ObjectNode options, String quantity, String fileStem, String languageTag) {
        options.put("lrQuantity", quantity).put("lrFile", fileStem).put("lrLocale", languageTag);
        return options;
    }

    /** Starts the y axis at 0 (learning rates): a constant lr then reads as a level, not noise. */
    public static ObjectNode zeroBasedY(ObjectNode options) {
        options.with("yaxis").put("min", 0);
        return options;
    }
}
