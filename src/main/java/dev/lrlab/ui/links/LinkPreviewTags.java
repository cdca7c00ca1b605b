package dev.lrlab.ui.links;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.lrlab.links.LinkIds;
import dev.lrlab.links.LinkService;
import dev.lrlab.links.PreviewText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;
import dev.lrlab.web.PublicUrl;

/**
 * Open Graph and Twitter card tags in the server-rendered page of {@code /l/{id}}: chat and course
 * platforms read them without running any script and show the title, a line about the experiment
 * and its preview picture ({@code /api/links/{id}/preview.png}). The text follows the request's
 * Accept-Language (English or 简体中文).
 */
@Component
public class LinkPreviewTags implements VaadinServiceInitListener {
    private static final Pattern LINK_PATH = Pattern.compile("/l/([0-9A-Za-z]{" + LinkIds.LENGTH + ","
            + LinkIds.MAX_LENGTH + "})/?");

    private final LinkService links;
    private final I18NProvider i18n;
    private final PublicUrl publicUrl;

    public LinkPreviewTags(LinkService links, I18NProvider i18n, PublicUrl publicUrl) {
        this.links = links;
        this.i18n = i18n;
        this.publicUrl = publicUrl;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            VaadinRequest request = response.getVaadinRequest();
            String path = request.getPathInfo();
            Matcher m = path == null ? null : LINK_PATH.matcher(path);
            if (m == null || !m.matches() || !(request instanceof VaadinServletRequest servlet)) {
                return;
            }
            String id = m.group(1);
            Optional<Map<String, Object>> spec = links.spec(id);
            if (spec.isEmpty()) {
                return; // the page itself says the link is unknown
            }
            String base = publicUrl.base(servlet.getHttpServletRequest());
            Locale locale = request.getLocale();
            String title = i18n.getTranslation("meta.link.title", locale);
            String description = describe(spec.get(), locale);
            String image = base + "/api/links/" + id + "/preview.png";
            writeTags(response.getDocument(), title, description, base + "/l/" + id, image);
        });
    }

    /**
     * The Open Graph, Twitter and description tags. Written as markup of our own rather than jsoup
     * attributes: jsoup leaves {@code <} and {@code >} raw inside attribute values, which is valid
     * HTML but trips the regex-based readers of some chat and course platforms; here every value
     * passes {@link #attribute}, so a label cannot close the tag in any reader.
     */
    static void writeTags(Document doc, String title, String description, String url, String image) {
        StringBuilder tags = new StringBuilder();
        meta(tags, "property", "og:type", "website");
        meta(tags, "property", "og:site_name", "LR Lab");
        meta(tags, "property", "og:title", title);
        meta(tags, "property", "og:description", description);
        meta(tags, "property", "og:url", url);
        meta(tags, "property", "og:image", image);
        meta(tags, "property", "og:image:width", "1200");
        meta(tags, "property", "og:image:height", "630");
        meta(tags, "name", "twitter:card", "summary_large_image");
        meta(tags, "name", "twitter:title", title);
        meta(tags, "name", "twitter:description", description);
        meta(tags, "name", "twitter:image", image);
        meta(tags, "name", "description", description);
        // the app shell's generic description would otherwise stand first
        doc.head().select("meta[name=description]").remove();
        doc.head().appendChild(new DataNode(tags.toString()));
    }

    private static void meta(StringBuilder tags, String kind, String key, String content) {
        tags.append("<meta ").append(kind).append("=\"").append(attribute(key)).append("\" content=\"")
                .append(attribute(content)).append("\">");
    }

    /** Text as a double-quoted HTML attribute value: {@code & < > " '} as character references. */
    static String attribute(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "Rosenbrock landscape · 2 runs: Adam, SGD" from the stored spec, without compiling it. */
    String describe(Map<String, Object> spec, Locale locale) {
        Object landscape = spec.get("landscape") instanceof Map<?, ?> l ? l.get("type") : null;
        List<String> labels = new ArrayList<>();
        if (spec.get("runs") instanceof List<?> runs) {
            for (int i = 0; i < runs.size(); i++) {
                Object label = runs.get(i) instanceof Map<?, ?> r ? r.get("label") : null;
                labels.add(label == null ? i18n.getTranslation("runs.unnamed", locale, i + 1)
                        : PreviewText.label(label.toString()));
            }
        }
        return i18n.getTranslation("meta.link.description", locale, String.valueOf(landscape), labels.size(),
                String.join(", ", labels));
    }
}
