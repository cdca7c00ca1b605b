package dev.lrlab.links;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged app ({@code target/lrlab.jar}) as a separate OS process on a free loopback port, so
 * a test can kill it like an operator's {@code kill -9} would (no shutdown hooks, no flush).
 */
public final class AppProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "lrlab.jar");
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final int port;
    public final Path log;
    private final Process process;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code args} and {@code env}, and waits until it answers HTTP. */
    public static AppProcess start(Path workDir, Map<String, String> env, String... args) throws Exception {
        return startOn(freePort(), workDir, env, args);
    }

    /** The same on a given port: a restarted node where its browsers left it (same origin, same storage). */
    public static AppProcess startOn(int port, Path workDir, Map<String, String> env, String... args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run through `mvn verify` (the package phase builds it)");
        }
        Path log = Files.createTempFile(workDir, "app-", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--lrlab.live.threads=1"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the child sees only what the test gives it: no datasource settings leak in from the build's env
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.equals("DATABASE_URL"));
        pb.environment().putAll(env);
        AppProcess app = new AppProcess(pb.start(), port, log);
        app.awaitUp(Duration.ofSeconds(120));
        return app;
    }

    private void awaitUp(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/api/presets").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not answer within " + timeout + ":\n" + tail());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** kill -9: the JVM gets no chance to flush or close anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
