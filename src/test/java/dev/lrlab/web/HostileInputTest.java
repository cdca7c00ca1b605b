package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.testutil.RawHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mutated share codes and malformed addresses against the real server (Tomcat, the first filter,
 * Spring, Vaadin): never a 5xx, the API always answers with its JSON error. Sent over a plain
 * socket so broken escapes, raw unicode and over-long targets reach the server unchanged. The
 * answer times are printed, not asserted (speed is measured by benchmarks, not timed tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lrlab.limits.max-steps-per-run=50000", "lrlab.api.timeout-ms=3000"})
class HostileInputTest {
    static final int MUTATIONS = 2000;
    /** Request lines longer than this never reach a servlet (Tomcat's default 8 KiB header limit). */
    static final int TOMCAT_LINE_LIMIT = 8 * 1024;

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    static final String[] INSERTS = {"%", "%%", "%zz", "%4", "%2F", "%2f", "%00", "%C3%28", "%E4%B8", ";x=%zz", ";x=1",
        ";", "?", "&", "=", "+", "é", "中文", "\uD83D\uDE00", "../", "\\", "\"", "<", "%25", "'", "|", "{", "`"};
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%;~!*()";

    /** Deterministic: the same seed codes and the same random sequence give the same 2,000 mutations. */
    static List<String> mutations(List<String> seeds, int n) {
        Random r = new Random(20240607);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String base = seeds.get(r.nextInt(seeds.size()));
            String m = switch (i % 7) {
                case 0 -> base.substring(0, r.nextInt(base.length())); // truncated
                case 1 -> flip(base, r, 1 + r.nextInt(4));
                case 2, 3 -> insert(base, r, INSERTS[r.nextInt(INSERTS.length)]);
                case 4 -> insert(base.substring(0, 1 + r.nextInt(base.length() - 1)), r,
                        INSERTS[r.nextInt(INSERTS.length)]);
                case 5 -> junk(r, 1 + r.nextInt(300));
                default -> i % 70 == 6 ? huge(base, new int[]{5000, 7000, 9000, 20000, 70000}[(i / 70) % 5])
                        : flip(insert(base, r, INSERTS[r.nextInt(INSERTS.length)]), r, 1);
            };
            out.add(m);
        }
        return out;
    }

    static String flip(String s, Random r, int times) {
        char[] c = s.toCharArray();
        for (int k = 0; k < times && c.length > 0; k++) {
            c[r.nextInt(c.length)] = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    static String insert(String s, Random r, String what) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    static String junk(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int k = 0; k < len; k++) {
            sb.append(r.nextInt(10) == 0 ? INSERTS[r.nextInt(INSERTS.length)]
                    : String.valueOf(ALPHABET.charAt(r.nextInt(ALPHABET.length()))));
        }
        return sb.toString();
    }

    static String huge(String base, int len) {
        StringBuilder sb = new StringBuilder(len);
        while (sb.length() < len) {
            sb.append(base, 2, base.length());
        }
        return base.substring(0, 2) + sb.substring(0, len - 2);
    }

    static List<String> seedCodes() {
        ShareCodec codec = new ShareCodec();
        List<String> codes = new ArrayList<>();
        for (String id : List.of("s1-stability-edge", "s17-rollback", "s22-cyclic-and-warmup", "s29-bilinear-game",
                "s11-rmsprop-vs-adagrad-nonstationary")) {
            Preset p = PresetCatalog.standard().byId(id).orElseThrow();
            codes.add(codec.encode(p.spec()));
        }
        return codes;
    }

    /** Answer times and statuses per target, printed at the end. */
    static final class Tally {
        final Map<String, Long> maxNanos = new LinkedHashMap<>();
        final Map<String, String> slowest = new LinkedHashMap<>();
        final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();

        void add(String target, String request, RawHttp.Answer a) {
            if (a.nanos() > maxNanos.getOrDefault(target, -1L)) {
                maxNanos.put(target, a.nanos());
                slowest.put(target, shorten(request) + " → " + a.status());
            }
            statuses.computeIfAbsent(target, k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
        }

        void fail(String what) {
            if (failures.size() < 20) {
                failures.add(what);
            }
        }
    }

    @Test
    void mutatedCodesAndBrokenAddressesNeverGive5xxAndTheApiAlwaysAnswersJson() throws Exception {
        RawHttp http = new RawHttp("localhost", port);
        List<String> codes = mutations(seedCodes(), MUTATIONS);
        Tally t = new Tally();
        Map<String, String> browser = Map.of("Accept", "text/html", "Accept-Language", "en-US,en;q=0.9");
        String cookie = null;
        // warm-up, not counted: the first requests after start-up pay for class loading and JIT
        for (String seed : seedCodes()) {
            for (int k = 0; k < 10; k++) {
                http.get("/api/share/" + seed, Map.of());
                http.get("/?s=" + seed + "%zz", browser);
                http.get("/?v-r=init&location=&query=s%3D" + seed, browser);
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            String m = codes.get(i);
            String apiTarget = "/api/share/" + m;
            RawHttp.Answer api = http.get(apiTarget, Map.of("Accept", "application/json"));
            t.add("api", apiTarget, api);
            check(t, "GET " + apiTarget, api);
            boolean fitsTomcat = parseable(apiTarget);
            if (fitsTomcat && !api.isJson()) {
                t.fail("not JSON: GET " + shorten(apiTarget) + " → " + api.status() + " " + api.header("content-type"));
            }
            if (fitsTomcat && api.isJson()) {
                JsonNode body = json.readTree(api.body());
                if (api.status() >= 400 && !body.has("error")) {
                    t.fail("no error field: " + shorten(apiTarget) + " → " + api.body());
                }
            }
            // the two page routes of the playground, alternately
            String page = (i % 2 == 0 ? "/?s=" : "/playground?s=") + m;
            RawHttp.Answer a = http.get(page, browser);
            t.add("page", page, a);
            check(t, "GET " + page, a);
            String loc = a.header("location");
            if (a.status() == 302 && loc != null) { // a repaired address: it must open too
                String next = loc.replaceFirst("^https?://[^/]+", "");
                RawHttp.Answer b = http.get(next, browser);
                t.add("page", next, b);
                check(t, "GET " + next + " (redirected)", b);
            }
            // Vaadin's start-up request, alternately as the browser sends it (path and query as
            // parameters, encoded once more) and as a crafted client might (not encoded again)
            String init = i % 2 == 0
                    ? "/?v-r=init&location=playground&query=" + URLEncoder.encode("s=" + m, StandardCharsets.UTF_8)
                    : "/?v-r=init&location=&query=s%3D" + m;
            Map<String, String> h = new LinkedHashMap<>(browser);
            if (cookie != null) {
                h.put("Cookie", cookie); // one session: each start-up request adds a UI to it
            }
            RawHttp.Answer in = http.get(init, h);
            t.add("init", init, in);
            check(t, "GET " + init, in);
            String set = in.header("set-cookie");
            if (cookie == null && set != null) {
                cookie = set.split(";")[0];
            }
        }
        t.maxNanos.forEach((k, v) -> System.out.printf("hostile input: %s max answer %.1f ms (%s), statuses %s%n", k,
                v / 1e6, t.slowest.get(k), t.statuses.get(k)));
        assertThat(t.failures).isEmpty();
    }

    /**
     * Whether Tomcat can read the request line at all: raw non-ASCII bytes, '"', '<', '>' and
     * lines over its header limit are refused before the path is known, so that answer cannot
     * tell an API call from a page (it is the readable page). Browsers never send such lines;
     * they escape those characters.
     */
    static boolean parseable(String target) {
        if (target.getBytes(StandardCharsets.UTF_8).length > TOMCAT_LINE_LIMIT - 200) {
            return false;
        }
        return target.chars().allMatch(c -> c > 32 && c < 127 && c != '"' && c != '<' && c != '>');
    }

    private static void check(Tally t, String what, RawHttp.Answer a) {
        if (a.status() >= 500) {
            t.fail(a.status() + ": " + shorten(what));
        }
        if (a.body().contains("Apache Tomcat") || a.body().contains("Whitelabel")) {
            t.fail("server's default error page: " + shorten(what));
        }
    }

    static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
    }
}
