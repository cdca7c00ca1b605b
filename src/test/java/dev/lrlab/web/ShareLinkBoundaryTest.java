package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.share.ShareCodeTooLargeException;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.testutil.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every code the app issues opens: the largest code under {@link ShareCodec#MAX_LINK_CODE_LENGTH}
 * is sent the way a browser sends it (its usual headers, Tomcat's default 8 KiB limit) to the
 * page routes, Vaadin's start-up request and the API; one eigenvalue more is refused when encoding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lrlab.limits.max-steps-per-run=50000", "lrlab.api.timeout-ms=3000"})
class ShareLinkBoundaryTest {

    @LocalServerPort
    int port;
    @Autowired
    ExperimentService service;

    final ObjectMapper json = new ObjectMapper();

    /** A quadratic with k explicit eigenvalues of six random digits each (they barely compress). */
    static Map<String, Object> spec(int k) {
        Random r = new Random(3);
        List<Double> eig = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            eig.add(Math.round((0.5 + 9.5 * r.nextDouble()) * 1e5) / 1e5);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("steps", 10);
        run.put("optimizer", Map.of("type", "sgd", "lr", 0.01));
        return Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", eig), "runs", List.of(run));
    }

    boolean fits(int k) {
        try {
            service.shareCode(spec(k));
            return true;
        } catch (ShareCodeTooLargeException e) {
            return false;
        }
    }

    /** The headers Chromium sends with a page request; the Referer is the origin only (Referrer-Policy). */
    Map<String, String> browserHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36");
        h.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7");
        h.put("Accept-Language", "zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7");
        h.put("Accept-Encoding", "gzip, deflate, br, zstd");
        h.put("sec-ch-ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"");
        h.put("sec-ch-ua-mobile", "?0");
        h.put("sec-ch-ua-platform", "\"Linux\"");
        h.put("Sec-Fetch-Site", "same-origin");
        h.put("Sec-Fetch-Mode", "navigate");
        h.put("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF");
        h.put("Referer", "http://localhost:" + port + "/");
        return h;
    }

    @Test
    void theLargestCodeTheAppIssuesOpensAndOneMoreEigenvalueIsRefused() throws Exception {
        int lo = 1;
        int hi = 3000; // far over the cap
        while (lo + 1 < hi) {
            int mid = (lo + hi) >>> 1;
            if (fits(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        String code = service.shareCode(spec(lo));
        System.out.printf("share link boundary: %d eigenvalues → %d characters; %d → refused%n", lo, code.length(), hi);
        assertThat(code.length()).isBetween(ShareCodec.MAX_LINK_CODE_LENGTH - 100, ShareCodec.MAX_LINK_CODE_LENGTH);
        int k = hi;
        assertThatThrownBy(() -> service.shareCode(spec(k))).isInstanceOf(ShareCodeTooLargeException.class)
                .hasMessageContaining("too large for a link");

        RawHttp http = new RawHttp("localhost", port);
        for (String page : List.of("/?s=", "/playground?s=")) {
            RawHttp.Answer a = http.get(page + code, browserHeaders());
            assertThat(a.status()).as(page).isEqualTo(200);
            assertThat(a.header("referrer-policy")).isEqualTo("strict-origin");
        }
        RawHttp.Answer init = http.get("/?v-r=init&location=playground&query=s%3D" + code, browserHeaders());
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.isJson()).isTrue();
        RawHttp.Answer api = http.get("/api/share/" + code, Map.of("Accept", "application/json"));
        assertThat(api.status()).isEqualTo(200);
        JsonNode spec = json.readTree(api.body());
        assertThat(spec.get("landscape").get("eigenvalues").size()).isEqualTo(lo);
    }

    @Test
    void theApiRefusesToIssueACodeTooLargeForALink() throws Exception {
        // 1,500 explicit eigenvalues once gave an 8,662-character code that Tomcat then refused
        byte[] body = json.writeValueAsBytes(spec(1500));
        RawHttp.Answer a = new RawHttp("localhost", port).send("POST", "/api/share",
                Map.of("Content-Type", "application/json"), body);
        assertThat(a.status()).isEqualTo(400);
        JsonNode err = json.readTree(a.body().getBytes(StandardCharsets.UTF_8));
        assertThat(err.get("error").asText()).contains("too large for a link");
        assertThat(err.get("field").isNull()).isTrue();
    }
}
