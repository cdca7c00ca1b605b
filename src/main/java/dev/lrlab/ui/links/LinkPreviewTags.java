package dev.lrlab.ui.links;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.lrlab.links.LinkIds;
import dev.lrlab.links.LinkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
            Document doc = response.getDocument();
            property(doc, "og:type", "website");
            property(doc, "og:site_name", "LR Lab");
            property(doc, "og:title", title);
            property(doc, "og:description", description);
            property(doc, "og:url", base + "/l/" + id);
            property(doc, "og:image", image);
            property(doc, "og:image:width", "1200");
            property(doc, "og:image:height", "630");
            name(doc, "twitter:card", "summary_large_image");
            name(doc, "twitter:title", title);
            name(doc, "twitter:description", description);
            name(doc, "twitter:image", image);
            name(doc, "description", description);
        });
    }

    /** "Rosenbrock landscape · 2 runs: Adam, SGD" from the stored spec, without compiling it. */
    String describe(Map<String, Object> spec, Locale locale) {
        Object landscape = spec.get("landscape") instanceof Map<?, ?> l ? l.get("type") : null;
        List<String> labels = new ArrayList<>();
        if (spec.get("runs") instanceof List<?> runs) {
            for (int i = 0; i < runs.size(); i++) {
                Object label = runs.get(i) instanceof Map<?, ?> r ? r.get("label") : null;
                labels.add(label == null ? i18n.getTranslation("runs.unnamed", locale, i + 1) : label.toString());
            }
        }
        return i18n.getTranslation("meta.link.description", locale, String.valueOf(landscape), labels.size(),
                String.join(", ", labels));
    }

    private static void property(Document doc, String property, String content) {
        Element meta = doc.head().appendElement("meta");
        meta.attr("property", property);
        meta.attr("content", content);
    }

    private static void name(Document doc, String name, String content) {
        Element meta = doc.head().appendElement("meta");
        meta.attr("name", name);
        meta.attr("content", content);
    }
}
