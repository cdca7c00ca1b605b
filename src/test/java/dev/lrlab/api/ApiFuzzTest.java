package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.testutil.SmallCapsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 10,000 deterministic fuzz cases ({@link ApiFuzzCases}) against every API endpoint with a body or
 * path parameters, on the real server over loopback (small server caps keep every run short): no
 * answer is a 5xx, and every error is the API's JSON {@code {"error","field","allowed"}}. About a
 * minute on two busy cores.
 */
@SmallCapsServer
class ApiFuzzTest {
    static final int CASES = 10_000;
    static final long SEED = 20261208;
    static final Set<String> ERROR_FIELDS = Set.of("error", "field", "allowed");

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void noFuzzedRequestGetsA5xxAndEveryErrorIsTheJsonError() throws Exception {
        ApiFuzzCases.Known known = knownIdentifiers();
        List<Map<String, Object>> presetSpecs = PresetCatalog.standard().all().stream().map(Preset::spec).toList();
        List<ApiFuzzCases.Case> cases = new ApiFuzzCases(SEED, known, presetSpecs).build(CASES);

        Map<Integer, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger fiveXx = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ApiFuzzCases.Case c : cases) {
                done.add(pool.submit(() -> {
                    HttpResponse<byte[]> res = send(c);
                    byStatus.computeIfAbsent(res.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    String problem = check(res);
                    if (res.statusCode() >= 500) {
                        fiveXx.incrementAndGet();
                    }
                    if (problem != null && failures.size() < 30) {
                        failures.add(problem + " ← " + c.describe());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("API fuzz: %d cases in %.1f s, %d × 5xx, %d transport retries; answers by status %s%n",
                cases.size(), (System.nanoTime() - t0) / 1e9, fiveXx.get(), transportRetries.get(), byStatus);
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).isEmpty();
        assertThat(fiveXx.get()).isZero();
        assertThat(transportRetries.get()).as("requests that needed a second connection").isLessThanOrEqualTo(3);
        // the cases reach past the front door: specs run, links are stored, class actions pass their checks
        assertThat(byStatus.get(200).get() + byStatus.get(201).get()).isGreaterThan(CASES / 10);
        assertThat(byStatus.get(400).get()).isGreaterThan(CASES / 10);
        assertThat(byStatus.keySet()).contains(201, 401, 403, 404, 415);
    }

    /** Null when the answer is as it should be, else what is wrong. */
    String check(HttpResponse<byte[]> res) {
        int status = res.statusCode();
        if (status >= 500) {
            return "HTTP " + status + " " + new String(res.body(), StandardCharsets.UTF_8);
        }
        if (status < 400) {
            return null;
        }
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return "HTTP " + status + " with Content-Type '" + type + "'";
        }
        try {
            JsonNode e = json.readTree(res.body());
            Set<String> names = new java.util.HashSet<>();
            e.fieldNames().forEachRemaining(names::add);
            boolean shape = names.equals(ERROR_FIELDS) && e.get("error").isTextual() && !e.get("error").asText().isBlank()
                    && (e.get("field").isNull() || e.get("field").isTextual()) && e.get("allowed").isArray();
            return shape ? null : "HTTP " + status + " not the JSON error: " + e;
        } catch (Exception ex) {
            return "HTTP " + status + " unparseable body";
        }
    }

    HttpResponse<byte[]> send(ApiFuzzCases.Case c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .timeout(Duration.ofSeconds(30));
        c.headers().forEach(b::header);
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        HttpRequest request = b.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            // a pooled keep-alive connection the server closed just as the client reused it (the
            // client retries only idempotent requests itself): once more on a new connection; a
            // second transport failure fails the test
            transportRetries.incrementAndGet();
            System.out.println("fuzz: transport error, retried once: " + e + " ← " + c.describe());
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    final AtomicInteger transportRetries = new AtomicInteger();

    /** A class with one seat, a stored link and a share code: the real identifiers the cases mix in. */
    ApiFuzzCases.Known knownIdentifiers() throws Exception {
        String spec = ApiFuzzCases.SPECS[1];
        JsonNode cls = post("/api/classes", null, Map.of());
        String code = cls.get("code").asText();
        String secret = cls.get("secret").asText();
        post("/api/classes/" + code + "/push", "{\"spec\":" + spec + "}", Map.of("Authorization", "Bearer " + secret));
        JsonNode seat = post("/api/classes/" + code + "/members", "{\"name\":\"Ann\"}", Map.of());
        JsonNode link = post("/api/links", spec, Map.of());
        JsonNode share = post("/api/share", spec, Map.of());
        return new ApiFuzzCases.Known(code, secret, seat.get("memberId").asInt(), seat.get("seatToken").asText(),
                link.get("id").asText(), share.get("code").asText(),
                PresetCatalog.standard().all().stream().map(Preset::id).toList());
    }

    private JsonNode post(String path, String body, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> res = send(new ApiFuzzCases.Case("POST", path, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers));
        assertThat(res.statusCode()).as(path).isBetween(200, 201);
        return json.readTree(res.body());
    }
}
