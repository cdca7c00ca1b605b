package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Pictures drawn on the server as SVG and shown as an image: numbers and the app's own labels
 * only, escaped, never a student's text, so nothing in them can run in a page.
 */
final class Svg {
    private Svg() {
    }

    static Image image(String svg, String alt) {
        Image img = new Image("data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        img.addClassName("lr-svg");
        return img;
    }

    static void set(Image img, String svg, String alt) {
        img.setSrc("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
        img.setAlt(alt);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"); // the pictures quote attributes with '
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Three significant digits, as the charts' ticks. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "")
                : String.format(Locale.ROOT, "%.2e", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
