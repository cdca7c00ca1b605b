package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.testutil.RawHttp;
import dev.lrlab.testutil.SmallCapsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Addresses an attacker or a mangled link can produce, sent byte for byte over loopback: no
 * redirect leaves the site, and absurd addresses end on the friendly page in the reader's
 * language, never on a 5xx. Before: {@code GET //evil.example/login?x=%zz} redirected to
 * {@code //evil.example/login?x=%25zz} (another host), and {@code /?s=} with 4,000 '%' was an empty 500.
 */
@SmallCapsServer
class AddressTest {
    static final String[] HOSTILE_PATHS = {"//evil.example/login", "/\\evil.example/login", "/%2F%2Fevil.example",
        "/.//evil.example", "///evil.example", "/\\/evil.example", "/./\\evil.example", "/%5C%5Cevil.example",
        "//evil.example", "/\\evil.example", "//evil.example/playground", "/playground//evil.example",
        "//127.0.0.1@evil.example", "/%09/evil.example", "//evil.example/l/abc", "//evil.example/embed"};
    static final String[] QUERIES = {"", "?x=%zz", "?s=%", "?s=1.abc%zz", "?x=%zz&v-r=", "?c=%E4%B8"};

    @LocalServerPort
    int port;

    @Test
    void noRedirectLeavesTheSite() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", port);
        SoftAssertions soft = new SoftAssertions();
        int redirects = 0;
        for (String path : HOSTILE_PATHS) {
            for (String query : QUERIES) {
                for (String method : new String[]{"GET", "HEAD"}) {
                    RawHttp.Answer a = http.send(method, path + query, Map.of(), null);
                    String what = method + " " + path + query + " → " + a.status();
                    soft.assertThat(a.status()).as(what).isLessThan(500);
                    String location = a.header("location");
                    if (location != null) {
                        redirects++;
                        soft.assertThat(sameSite(location)).as(what + " Location: " + location).isTrue();
                    }
                }
            }
        }
        soft.assertAll();
        System.out.printf("hostile paths: %d answers, %d redirects, all to this site%n",
                HOSTILE_PATHS.length * QUERIES.length * 2, redirects);
        assertThat(redirects).isPositive(); // the repair redirect is among them, and now stays home
    }

    /** A path on this site ("/x", not "//host" or "/\host"), or an absolute URL of this very server. */
    boolean sameSite(String location) {
        String self = "http://127.0.0.1:" + port;
        String path = location.startsWith(self) ? location.substring(self.length()) : location;
        return SameOrigin.isSameOriginPath(path);
    }

    static List<String> absurdTargets() {
        String percents = "%".repeat(4000);
        List<String> t = new ArrayList<>();
        for (String page : new String[]{"/?s=", "/playground?s=", "/compare?c=", "/embed?s=", "/l/"}) {
            t.add(page + percents);
            t.add(page + "%zz".repeat(1500));
            t.add(page + "A".repeat(7000));
            t.add(page + "A".repeat(100_000));
            t.add(page + "%C3%28%FF%FE%80");
            t.add(page + "%00%01%0A%0D%7F");
            t.add(page + "%ED%A0%80"); // a UTF-8 encoded lone surrogate
            t.add(page + "1.%E4%B8%AD%F0%9F%98%80");
            t.add(page + "x&" + "a=b&".repeat(1500));
        }
        t.add("/l/" + "%2F".repeat(100));
        t.add("/embed/l/%zz%");
        t.add("/compare?c=" + "%25".repeat(2000));
        return t;
    }

    @Test
    void absurdAddressesEndOnTheFriendlyPageInTheReadersLanguage() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", port);
        SoftAssertions soft = new SoftAssertions();
        int friendly = 0;
        List<String> targets = absurdTargets();
        for (String target : targets) {
            for (String lang : new String[]{"en", "zh-CN,zh;q=0.9"}) {
                RawHttp.Answer a = http.get(target, Map.of("Accept-Language", lang));
                for (int hop = 0; hop < 3 && a.status() / 100 == 3; hop++) {
                    String location = a.header("location");
                    soft.assertThat(sameSite(location)).as(location).isTrue();
                    a = http.get(location.replace("http://127.0.0.1:" + port, ""), Map.of("Accept-Language", lang));
                }
                String what = "GET " + shorten(target) + " (" + lang + ") → " + a.status();
                soft.assertThat(a.status()).as(what).isLessThan(500);
                soft.assertThat(a.body()).as(what).isNotBlank();
                if (a.status() >= 400) {
                    soft.assertThat(a.header("content-type")).as(what).startsWith("text/html");
                    soft.assertThat(a.body()).as(what).contains("id=\"error-reason\"");
                    // past Tomcat's 8 KiB request line no header is read, so the language is unknown
                    if (target.length() < 8000) {
                        soft.assertThat(a.body()).as(what)
                                .contains(lang.startsWith("zh") ? "lang=\"zh-CN\"" : "lang=\"en\"")
                                .contains(lang.startsWith("zh") ? "无法打开" : "cannot open");
                    }
                    friendly++;
                }
            }
        }
        soft.assertAll();
        System.out.printf("absurd addresses: %d requests, %d friendly 4xx pages, the rest open the app%n",
                targets.size() * 2, friendly);
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + " chars)";
    }
}
