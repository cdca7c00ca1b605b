package dev.lrlab.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.links.PreviewText;
import dev.lrlab.ui.i18n.LrLabI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The link page's preview tags carry run labels as text: escaped, one short line, never markup. */
class LinkPreviewTagsTest {
    private static final String LABEL = "<img src=x onerror=alert(1)> \"q\" & 's";

    private final LinkPreviewTags tags = new LinkPreviewTags(null, new LrLabI18NProvider(), new dev.lrlab.web.PublicUrl(""));

    @Test
    void everyValueEscapesQuotesAnglesAndAmpersands() {
        Document doc = Jsoup.parse("<html><head><meta name=\"description\" content=\"generic\"></head><body></body></html>");
        String description = tags.describe(Map.of("landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("label", LABEL))), Locale.ENGLISH);
        LinkPreviewTags.writeTags(doc, "An experiment in LR Lab", description, "http://h/l/abc", "http://h/p.png");
        String html = doc.html();
        assertThat(html).contains("<meta property=\"og:description\" content=\"Landscape quadratic · 1 run: "
                + "&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &amp; &#39;s. Opens the exact experiment")
                .contains("<meta name=\"twitter:description\" content=\"Landscape quadratic · 1 run: &lt;img")
                .doesNotContain("<img", "content=\"generic\"");
        // read back by an HTML parser: the very text, and no element made of it
        Document back = Jsoup.parse(html);
        assertThat(back.select("meta[property=og:description]").attr("content")).isEqualTo(description)
                .contains(LABEL);
        assertThat(back.select("img")).isEmpty();
        assertThat(back.select("meta[name=description]")).hasSize(1);
    }

    @Test
    void labelsInAPreviewAreOneShortLine() {
        assertThat(PreviewText.label("a\nb\r\tc\u202Ed\u200Be")).isEqualTo("a b  c d e");
        String long2000 = "x".repeat(2000);
        assertThat(PreviewText.label(long2000)).isEqualTo("x".repeat(PreviewText.MAX_LABEL) + "…");
        assertThat(PreviewText.label("🔥 中文 η")).isEqualTo("🔥 中文 η");
        assertThat(tags.describe(Map.of("landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("label", long2000))), Locale.ENGLISH)).hasSizeLessThan(200);
    }

    @Test
    void attributeEscapesTheFiveCharacters() {
        assertThat(LinkPreviewTags.attribute("&<>\"'x")).isEqualTo("&amp;&lt;&gt;&quot;&#39;x");
    }
}
