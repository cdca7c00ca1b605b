package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import dev.lrlab.links.AppProcess;
import dev.lrlab.links.PostgresCluster;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two app processes (the packaged jar) on one throwaway PostgreSQL, HAProxy with the shipped
 * {@code deploy/haproxy.cfg} in front: a class made on A is joined on B, a push on A reaches a real
 * student page on B within a second (LISTEN/NOTIFY), B's students' runs reach A's results, B's
 * listener connection is killed and B still misses nothing, B is killed with kill -9 and its
 * students, sent to A by HAProxy, get their seats back; a short link made on A opens on B.
 * Skipped with one loud line without PostgreSQL or HAProxy; required when {@code CI=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    static final String LR = "runs[0].optimizer.lr";
    static final ObjectMapper JSON = new ObjectMapper();

    static PostgresCluster pg;
    static AppProcess a;
    static AppProcess b;
    static Process haproxy;
    static int lbPort;
    static Path dir;
    static Playwright playwright;
    static com.microsoft.playwright.Browser browser;
    static final List<BrowserContext> contexts = new ArrayList<>();

    // the class, shared by the ordered steps
    static String code;
    static String secret;
    static final List<String[]> seats = new ArrayList<>(); // {memberId, seatToken} of B's API students
    static Page studentOnB;      // joined B directly
    static Page studentViaLb;    // joined through HAProxy, pinned to B by its cookie

    @BeforeAll
    static void startCluster() throws Exception {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty() || !Files.isExecutable(HAPROXY)) {
            String msg = "PostgreSQL (/usr/lib/postgresql/*/bin) or HAProxy (" + HAPROXY + ") is not installed: the "
                    + "cluster test is SKIPPED. Install them with `apt-get install postgresql haproxy`.";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(msg + " CI=true requires it.");
            }
            System.err.println("!!!!! " + msg);
            Assumptions.abort(msg);
        }
        Browser.requireChromium();
        dir = Files.createTempDirectory("lrlab-cluster-it-");
        pg = PostgresCluster.start(bin.get(), "lrlab");
        // B logs in as its own role, so the test can keep B's listener out while A pushes
        sql("CREATE ROLE node_b LOGIN SUPERUSER");
        // both nodes start at once (Flyway takes PostgreSQL's advisory lock: one migrates)
        CompletableFuture<AppProcess> fa = CompletableFuture.supplyAsync(() -> node("a", "postgres"));
        CompletableFuture<AppProcess> fb = CompletableFuture.supplyAsync(() -> node("b", "node_b"));
        try {
            a = fa.join();
        } finally {
            b = fb.join();
        }
        assertThat(a.tail()).contains("PostgreSQL LISTEN/NOTIFY");
        lbPort = AppProcess.freePort();
        ProcessBuilder hb = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", Path.of("deploy", "haproxy.cfg")
                .toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile());
        hb.environment().putAll(Map.of("LRLAB_LB_BIND", "127.0.0.1:" + lbPort,
                "LRLAB_NODE_A", "127.0.0.1:" + a.port, "LRLAB_NODE_B", "127.0.0.1:" + b.port));
        haproxy = hb.start();
        awaitTrue(() -> get(lb("/api/presets")).statusCode() == 200, 10_000, "HAProxy answers");
        playwright = Browser.createPlaywright();
        browser = Browser.launch(playwright);
    }

    static AppProcess node(String name, String user) {
        try {
            Path d = Files.createDirectories(dir.resolve(name));
            return AppProcess.start(d, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + pg.port + "/lrlab",
                            "SPRING_DATASOURCE_USERNAME", user), "--lrlab.node-name=" + name,
                    "--server.forward-headers-strategy=framework");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{browser, playwright}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the processes below are what must not outlive the test
                }
            }
        }
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (AppProcess p : new AppProcess[]{a, b}) {
            if (p != null) {
                p.close();
            }
        }
        if (pg != null) {
            pg.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aShortLinkMadeOnAOpensOnB() throws Exception {
        HttpResponse<String> made = a.postJson("/api/links", spec("0.17"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = JSON.readTree(made.body()).get("id").asText();
        HttpResponse<String> got = b.get("/api/links/" + id);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(got.body()).get("runs").get(0).get("optimizer").get("lr").asDouble()).isEqualTo(0.17);
    }

    @Test
    @Order(2)
    void aPushOnAReachesStudentsOnBWithinASecondAndTheirRunsReachA() throws Exception {
        JsonNode created = JSON.readTree(send(a.uri("/api/classes"), "POST", "{}", null, 201));
        code = created.get("code").asText();
        secret = created.get("secret").asText();
        push(spec("0.12"));
        for (String name : List.of("Ada", "Bo")) {
            JsonNode j = JSON.readTree(send(b.uri("/api/classes/" + code + "/members"), "POST",
                    "{\"name\": \"" + name + "\"}", null, 201));
            seats.add(new String[]{j.get("memberId").asText(), j.get("seatToken").asText()});
        }
        studentOnB = student("http://127.0.0.1:" + b.port, "Cy", false);
        Page studentOnA = student("http://127.0.0.1:" + a.port, "Ed", false);
        studentOnB.waitForFunction(lrIs("0.12"));
        studentOnA.waitForFunction(lrIs("0.12"));

        // Five timed pushes. Each page notes (browser clock = this machine's clock) when the pushed
        // value shows. A seat page on A (no trip between nodes) is timed alongside as the yardstick
        // (printed: page-to-page noise of a few hundred ms dwarfs the cross-node path). A median,
        // because one push alone can pass 1 s when other builds load the 2 cores: the pages' own
        // rendering then takes that long on A too
        List<Long> onBs = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        long v = 0;
        for (String lr : List.of("0.131", "0.132", "0.133", "0.134", "0.13")) {
            for (Page p : List.of(studentOnA, studentOnB)) {
                p.evaluate("() => { window.__seenAt = 0; const iv = setInterval(() => { if ((" + lrIs(lr)
                        + ")()) { window.__seenAt = Date.now(); clearInterval(iv); } }, 5); }");
            }
            long before = System.currentTimeMillis();
            v = push(spec(lr));
            long after = System.currentTimeMillis();
            for (Page p : List.of(studentOnA, studentOnB)) {
                p.waitForFunction(lrIs(lr), null, new Page.WaitForFunctionOptions().setTimeout(5_000));
            }
            long onB = ((Number) studentOnB.evaluate("() => window.__seenAt")).longValue() - before;
            long onA = ((Number) studentOnA.evaluate("() => window.__seenAt")).longValue() - before;
            System.out.printf("ClusterIT: push on A (request %d ms) visible on a seat page on A after %d ms, on B after"
                    + " %d ms (from the push request)%n", after - before, onA, onB);
            onBs.add(onB);
            added.add(onB - onA);
        }
        onBs.sort(null);
        added.sort(null);
        // joined after the timing, so each node served one timed page: a fair comparison
        studentViaLb = student(lb(""), "Di", true);
        studentViaLb.waitForFunction(lrIs("0.13"));
        // B's pages have no other way to learn of the push (no polling): seeing it at all is LISTEN/NOTIFY
        System.out.println("ClusterIT: median push → seat page on B " + onBs.get(2) + " ms, median B − A "
                + added.get(2) + " ms");
        assertThat(JSON.readTree(b.get("/api/classes/" + code).body()).get("version").asLong()).isGreaterThanOrEqualTo(v);

        for (String[] seat : seats) {
            submit(b.uri("/api/classes/" + code + "/members/" + seat[0] + "/submissions"), seat[1], spec("0.13"));
        }
        assertThat(submitted()).containsExactlyInAnyOrder(seats.get(0)[0], seats.get(1)[0]);
        // last, so that the steps after it find the class as they expect whatever this says
        assertThat(onBs.get(2)).as("median push → seat page on B").isLessThan(1_000);
    }

    @Test
    @Order(3)
    void bMissesNothingWhileItsListenerIsDown() throws Exception {
        // B's listener is cut off and may not log in again while A pushes: the notification is lost
        sql("ALTER ROLE node_b NOLOGIN");
        try {
            sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lrlab-room-events@b'");
            awaitTrue(() -> b.tail().contains("listener connection failed"), 5_000, "B notices");
            push(spec("0.14"));
            Thread.sleep(1_500);
            assertThat(studentOnB.evaluate(lrIs("0.13"))).as("no event reached B meanwhile").isEqualTo(true);
            // which also shows that HAProxy's cookie keeps the page that came through it on B
            assertThat(studentViaLb.evaluate(lrIs("0.13"))).as("the page pinned to B is on B").isEqualTo(true);
        } finally {
            sql("ALTER ROLE node_b LOGIN");
        }
        // B reconnects (backoff ≤ 1.6 s by now) and re-syncs its class from the database
        studentOnB.waitForFunction(lrIs("0.14"), null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        studentViaLb.waitForFunction(lrIs("0.14"));
        // and hears live pushes again (how fast is measured above)
        push(spec("0.15"));
        studentOnB.waitForFunction(lrIs("0.15"), null, new Page.WaitForFunctionOptions().setTimeout(5_000));
    }

    @Test
    @Order(4)
    void afterKillDashNineOfBItsStudentsGetTheirSeatsBackOnA() throws Exception {
        String seatBefore = seatOf(studentViaLb);
        b.kill();
        // the seat page reloads through HAProxy: B is down, so it lands on A with the same seat
        studentViaLb.reload();
        studentViaLb.waitForFunction("() => document.querySelector('#seat-title')"
                + " && document.querySelector('#seat-title').innerText.includes('Di')");
        studentViaLb.waitForFunction(lrIs("0.15"));
        assertThat(seatOf(studentViaLb)).isEqualTo(seatBefore);
        // API students of B use their seat tokens through HAProxy: same member ids, runs kept
        for (String[] seat : seats) {
            JsonNode r = JSON.readTree(submit(URI.create(lb("/api/classes/" + code + "/members/" + seat[0]
                    + "/submissions")), seat[1], spec("0.15")));
            assertThat(r.get("memberId").asText()).isEqualTo(seat[0]);
        }
        assertThat(submitted()).containsExactlyInAnyOrder(seats.get(0)[0], seats.get(1)[0]);
        // a push on A now reaches the moved page (on A's own node now)
        push(spec("0.16"));
        studentViaLb.waitForFunction(lrIs("0.16"), null, new Page.WaitForFunctionOptions().setTimeout(5_000));
    }

    // ------------------------------------------------------------------ helpers

    static Page student(String base, String name, boolean pinToB) {
        BrowserContext ctx = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale("en-US"));
        contexts.add(ctx);
        if (pinToB) {
            // what HAProxy would have set had B answered this browser's first request
            ctx.addCookies(List.of(new Cookie("SERVERID", "b").setDomain("127.0.0.1").setPath("/")));
        }
        Page p = ctx.newPage();
        p.setDefaultTimeout(20_000);
        new ClassPages.Student(p).join(base, code, name);
        return p;
    }

    static String seatOf(Page p) {
        return (String) p.evaluate("c => localStorage.getItem('lrlab.seat.' + c)", code);
    }

    static String lrIs(String v) {
        return "() => { const f = document.querySelector(\"vaadin-text-field[data-path='" + LR + "']\");"
                + " return !!f && f.value === '" + v + "'; }";
    }

    static String spec(String lr) {
        return ClassIT.SPEC.replace("\"lr\": 0.1", "\"lr\": " + lr);
    }

    static long push(String spec) throws Exception {
        return JSON.readTree(send(a.uri("/api/classes/" + code + "/push"), "POST", "{\"spec\": " + spec + "}",
                "Bearer " + secret, 200)).get("version").asLong();
    }

    static String submit(URI uri, String seatToken, String spec) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-Seat-Token", seatToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"spec\": " + spec + "}")).build();
        HttpResponse<String> res = AppProcess.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return res.body();
    }

    /** A's results: the member ids of the rows (one per seat) that carry a finished run. */
    static List<String> submitted() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode row : JSON.readTree(send(a.uri("/api/classes/" + code + "/results"), "GET", null,
                "Bearer " + secret, 200)).get("rows")) {
            if (row.hasNonNull("finalLoss")) {
                out.add(row.get("member").asText());
            }
        }
        return out;
    }

    static String send(URI uri, String method, String body, String auth, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            r.header("Authorization", auth);
        }
        HttpResponse<String> res = AppProcess.HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(method + " " + uri + ": " + res.body()).isEqualTo(expected);
        return res.body();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return AppProcess.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String lb(String path) {
        return "http://127.0.0.1:" + lbPort + path;
    }

    static void sql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port + "/lrlab", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void awaitTrue(Check check, long ms, String what) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000;
        while (true) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not answering yet
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + ms + " ms: " + what);
            }
            Thread.sleep(100);
        }
    }
}
