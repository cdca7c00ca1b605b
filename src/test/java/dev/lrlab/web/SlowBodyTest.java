package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.testutil.RawHttp;
import dev.lrlab.testutil.SmallCapsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Slowloris on request bodies: 200 connections announce a 1,000-byte JSON body and send one byte
 * every 10 s. Before, each held one of Tomcat's 200 request threads while it waited, so nothing
 * else was answered ({@code GET /api/presets} took 75 s). Now bodies are read as they arrive, with
 * no thread waiting, and a body not complete within {@code lrlab.api.body-timeout-ms} (12 s here)
 * is answered 408 and its connection closed. Loopback only; about 15 s.
 */
@SmallCapsServer
class SlowBodyTest {
    static final int SLOW_CONNECTIONS = 200;
    static final long DRIBBLE_EVERY_MS = 10_000;
    static final long MEASURE_MS = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    ObjectProvider<FilterRegistrationBean<ApiBodyFilter>> bodies;

    @Test
    void twoHundredSlowBodiesDoNotDelayOtherRequestsAndEndAs408() throws Exception {
        RawHttp http = new RawHttp("127.0.0.1", port);
        http.get("/api/presets", Map.of()); // warm-up (class loading), not measured
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            long start = System.nanoTime();
            long nextDribble = DRIBBLE_EVERY_MS;
            List<Long> millis = new ArrayList<>();
            while ((System.nanoTime() - start) / 1_000_000 < MEASURE_MS + 500) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (elapsed >= nextDribble) {
                    for (Socket s : slow) {
                        s.getOutputStream().write(' ');
                        s.getOutputStream().flush();
                    }
                    nextDribble += DRIBBLE_EVERY_MS;
                }
                RawHttp.Answer a = http.get("/api/presets", Map.of());
                assertThat(a.status()).isEqualTo(200);
                millis.add(a.nanos() / 1_000_000);
                Thread.sleep(200);
            }
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            long p50 = sorted.get(sorted.size() / 2);
            long max = sorted.get(sorted.size() - 1);
            System.out.printf("GET /api/presets under %d slow bodies: %d requests, p50 %d ms, max %d ms%n",
                    SLOW_CONNECTIONS, sorted.size(), p50, max);
            assertThat(max).as("slowest GET /api/presets (ms) while %d bodies dribble", SLOW_CONNECTIONS)
                    .isLessThan(1000);

            // the slow bodies run out of time: 408 with the API's error, and the connection closes
            int timedOut = 0;
            List<String> others = new ArrayList<>();
            for (Socket s : slow) {
                String answer = readAll(s.getInputStream());
                if (answer.startsWith("HTTP/1.1 408") && answer.contains("\"field\":\"lrlab.api.body-timeout-ms\"")
                        && answer.toLowerCase().contains("connection: close")) {
                    timedOut++;
                } else if (others.size() < 3) {
                    others.add(answer.isEmpty() ? "(closed without an answer)" : answer.lines().findFirst().orElse(""));
                }
            }
            System.out.printf("slow bodies answered 408 and closed: %d of %d, %d s after they started%n", timedOut,
                    SLOW_CONNECTIONS, (System.nanoTime() - start) / 1_000_000_000);
            assertThat(timedOut).as("slow bodies answered 408 (others: %s)", others).isEqualTo(SLOW_CONNECTIONS);
            // and every refused body's bytes are given back to the shared budget
            long deadline = System.nanoTime() + 3_000_000_000L;
            BodyLimits limits = bodies.getObject().getFilter().limits();
            while (limits.buffered() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(limits.buffered()).isZero();
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** Everything the server sends until it closes the connection. */
    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
