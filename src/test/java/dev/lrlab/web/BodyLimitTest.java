package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.testutil.RawHttp;
import dev.lrlab.testutil.SmallCapsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies over the size cap and of the wrong type, on the real server over loopback. Before:
 * a 100 MiB body was read into memory (six at once: OutOfMemoryError) and {@code Content-Type: *}{@code /*}
 * was a 500.
 */
@SmallCapsServer
class BodyLimitTest {
    static final long HUNDRED_MIB = 100L * 1024 * 1024;
    static final String SPEC = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},"
            + "\"runs\":[{\"start\":[2],\"steps\":4,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";

    @LocalServerPort
    int port;
    /** The shipped default of lrlab.api.max-body-bytes (these tests run with it). */
    static final long MAX_BODY = 2 * 1024 * 1024;
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    ObjectProvider<FilterRegistrationBean<ApiBodyFilter>> bodies;

    /** Every refused body gives its bytes back to the shared budget (a leak starves later bodies with 503). */
    @AfterEach
    void theSharedBudgetIsGivenBack() throws InterruptedException {
        BodyLimits limits = bodies.getObject().getFilter().limits();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (limits.buffered() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(limits.buffered()).as("bytes still counted as arriving").isZero();
    }

    @Test
    void aDeclaredHundredMebibyteBodyIs413BeforeAnyByteIsSentAndTheConnectionCloses() throws Exception {
        long max = MAX_BODY;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            long t0 = System.nanoTime();
            s.getOutputStream().write(("POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + HUNDRED_MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = readAnswer(s.getInputStream());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // the whole answer came while not one byte of the body had been sent
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase()).contains("connection: close");
            JsonNode e = json.readTree(head.substring(head.indexOf("\r\n\r\n") + 4));
            assertThat(e.get("field").asText()).isEqualTo("lrlab.api.max-body-bytes");
            assertThat(e.get("allowed").get(0).asText()).isEqualTo(Long.toString(max));
            assertThat(e.get("error").asText()).contains("was " + HUNDRED_MIB);
            // the server does not read on: the body cannot be sent
            long sent = sendUntilRefused(s.getOutputStream(), HUNDRED_MIB);
            System.out.printf("Content-Length 100 MiB: 413 after %d ms with 0 body bytes sent; the closed connection"
                    + " then took %d KiB of body (socket buffers) before refusing more%n", ms, sent / 1024);
            assertThat(sent).isLessThan(HUNDRED_MIB / 4);
        }
    }

    @Test
    void aChunkedBodyIs413OnceItPassesTheCap() throws Exception {
        long max = MAX_BODY;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[32 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < 64 * max) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                    if (sent > max && s.getInputStream().available() > 0) {
                        break; // the answer is there
                    }
                }
            } catch (IOException closed) {
                // the server closed the connection after answering
            }
            String head = readAnswer(s.getInputStream());
            System.out.printf("chunked body over the %d-byte cap: 413 after %d KiB sent%n", max, sent / 1024);
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head).contains("\"field\":\"lrlab.api.max-body-bytes\"");
            assertThat(sent).isLessThan(16 * max);
        }
    }

    @Test
    void theLargestSpecTheCapsAllowFitsUnderTheDefaultBodyCap() throws Exception {
        // 8 runs in 10,000 dimensions (the default caps), every number written at full precision
        Random r = new Random(7);
        Map<String, Object> landscape = new LinkedHashMap<>();
        landscape.put("type", "quadratic");
        landscape.put("eigenvalues", r.doubles(10_000, 0.001, 1000).boxed().toList());
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(Map.of("label", "run " + i, "start", r.doubles(10_000, -1, 1).map(x -> x * 1e-3).boxed().toList(),
                    "steps", 1, "optimizer", Map.of("type", "sgd", "lr", 0.001)));
        }
        byte[] spec = json.writeValueAsBytes(Map.of("landscape", landscape, "runs", runs));
        long max = MAX_BODY;
        System.out.printf("largest spec at the default caps: %d bytes (cap %d)%n", spec.length, max);
        assertThat((long) spec.length).isLessThan(max);
        // it is read (this server's own caps refuse it: 400 naming the dimension cap, not 413)
        RawHttp.Answer a = new RawHttp("127.0.0.1", port).send("POST", "/api/analyze",
                Map.of("Content-Type", "application/json"), spec);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("\"error\"");
    }

    static final String[] NOT_JSON = {"*/*", "application/*", "text/plain", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "garbage", "application/json; charset=nope", ";;;", "text/json",
        "application/xml", "*/json", "application/*+json", "image/png"};
    static final String[] BODY_ENDPOINTS = {"/api/simulate", "/api/analyze", "/api/share", "/api/export/pytorch",
        "/api/links", "/api/sweep", "/api/lr-range", "/api/classes/ABCDEF/push", "/api/classes/ABCDEF/members",
        "/api/classes/ABCDEF/members/1/submissions"};

    @Test
    void everyTypeButJsonIs415WithTheJsonErrorAndNoTypeIsReadAsJson() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", port);
        byte[] body = SPEC.getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (String path : BODY_ENDPOINTS) {
            for (String type : NOT_JSON) {
                for (byte[] b : new byte[][]{body, new byte[0]}) {
                    RawHttp.Answer a = http.send("POST", path, Map.of("Content-Type", type), b);
                    String what = "POST " + path + " Content-Type: " + type + " (" + b.length + " bytes)";
                    assertThat(a.status()).as(what).isLessThan(500);
                    assertThat(a.isJson()).as(what).isTrue();
                    JsonNode e = json.readTree(a.body());
                    assertThat(e.has("error") && e.has("field") && e.get("allowed").isArray()).as(what).isTrue();
                    if (b.length > 0 || !ApiBodyFilter.springReadable(type)) {
                        assertThat(a.status()).as(what).isEqualTo(415);
                        assertThat(e.get("allowed").toString()).as(what).contains("application/json");
                    }
                    checked++;
                }
            }
        }
        assertThat(http.send("POST", "/api/simulate", Map.of(), body).status()).isEqualTo(200);
        assertThat(http.send("POST", "/api/simulate", Map.of("Content-Type", "application/json; charset=UTF-8"), body)
                .status()).isEqualTo(200);
        assertThat(http.send("POST", "/api/analyze", Map.of("Content-Type", "application/vnd.lrlab+json"), body)
                .status()).isEqualTo(200);
        System.out.printf("content types: %d refusals checked%n", checked);
    }

    /** The answer's head and body: read until the server closes or goes quiet for a moment. */
    static String readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                int len = contentLength(text);
                if (end >= 0 && len >= 0 && all.size() >= end + 4 + len) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }

    /** Writes up to {@code limit} bytes until the connection refuses them; how many were taken. */
    static long sendUntilRefused(OutputStream out, long limit) {
        byte[] block = new byte[64 * 1024];
        long sent = 0;
        try {
            while (sent < limit) {
                out.write(block);
                sent += block.length;
            }
        } catch (IOException refused) {
            // reset by the server: it closed the connection
        }
        return sent;
    }
}
