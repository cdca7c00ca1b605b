package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An embed inside a page of another site: a plain HTML page served from 127.0.0.1 (another origin
 * and another site than the app's localhost) holds {@code <iframe src="…/embed/l/{id}">}. Chromium
 * sends only partitioned cookies to such a frame, so this fails with "Cookies disabled" unless the
 * embed's session cookie is {@code SameSite=None; Secure; Partitioned}.
 */
class EmbedIT extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer course;

    @AfterEach
    void stopCoursePage() {
        if (course != null) {
            course.stop(0);
        }
    }

    private String shortLink() throws Exception {
        String spec = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[1,10]},\"runs\":[{\"label\":\"GD\","
                + "\"start\":[-4,2],\"steps\":60,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.15}}]}";
        var res = page.request().post(url("/api/links"), RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(spec));
        return JSON.readTree(res.text()).path("id").asText();
    }

    private String coursePage(String iframeSrc) throws Exception {
        course = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html = ("<!doctype html><html><head><meta charset=utf-8><title>Week 3: the learning rate</title></head>"
                + "<body><h1>Week 3</h1><p>Press Run in the frame below.</p>"
                + "<iframe id=lab src=\"" + iframeSrc + "\" width=900 height=640 style=\"border:1px solid #ccc\">"
                + "</iframe></body></html>").getBytes(StandardCharsets.UTF_8);
        course.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, html.length);
            ex.getResponseBody().write(html);
            ex.close();
        });
        course.start();
        return "http://127.0.0.1:" + course.getAddress().getPort() + "/";
    }

    @Test
    void anEmbedRunsInsideAPageOfAnotherSite() throws Exception {
        String id = shortLink();
        page.navigate(coursePage(url("/embed/l/" + id + "?hide=forms&autoplay=1")));
        Frame lab = page.waitForSelector("#lab").contentFrame();
        lab.waitForSelector("#landscape");
        // autoplay: the run streams into the frame, 60 steps → 61 points
        lab.waitForFunction("() => document.querySelector('#landscape').pointCount(0) === 61");
        assertThat(lab.content()).doesNotContain("Cookies disabled");
        assertThat(lab.locator("#embed-open").getAttribute("href")).endsWith("l/" + id);
        assertThat(lab.locator(".lr-side").isVisible()).isFalse(); // hide=forms
        assertThat(lab.locator("vaadin-app-layout").count()).isZero(); // chromeless
        page.setViewportSize(1000, 760);
        screenshot("embed-in-course-page");
    }

    @Test
    void anUnknownEmbedSaysSoReadably() {
        Page p = page;
        p.navigate(url("/embed/l/nosuchlink"));
        p.waitForSelector("#broken-link");
        assertThat(p.locator("#broken-detail").innerText()).contains("nosuchlink");
    }
}
