package dev.lrlab.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for hostile-input tests: the request target is sent byte for byte
 * (java.net.URI, and so every HTTP client built on it, refuses "%zz", raw spaces or unicode).
 * One request per connection ({@code Connection: close}); the answer is read to its end.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One answer: status, headers (lower-case names), body, and the time from first byte sent to last read. */
    public record Answer(int status, Map<String, String> headers, String body, long nanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isJson() {
            String ct = header("content-type");
            return ct != null && ct.startsWith("application/json");
        }
    }

    public Answer get(String target, Map<String, String> extraHeaders) throws IOException {
        return send("GET", target, extraHeaders, null);
    }

    public Answer send(String method, String target, Map<String, String> extraHeaders, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        if (extraHeaders != null) {
            extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(60_000);
            long t0 = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    all.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // the server may reset after answering a request it refused to read: keep what arrived
            }
            long nanos = System.nanoTime() - t0;
            return parse(all.toByteArray(), nanos);
        }
    }

    private static Answer parse(byte[] raw, long nanos) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
            }
        }
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            bodyBytes = dechunk(bodyBytes);
        }
        return new Answer(status, headers, new String(bodyBytes, StandardCharsets.UTF_8), nanos);
    }

    /** Chunk sizes are hex lines between the chunks (extensions after ';' ignored). */
    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int nl = i;
            while (nl + 1 < b.length && !(b[nl] == '\r' && b[nl + 1] == '\n')) {
                nl++;
            }
            if (nl + 1 >= b.length) {
                break;
            }
            String line = new String(b, i, nl - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(line, 16);
            if (size == 0) {
                break;
            }
            int start = nl + 2;
            int stop = Math.min(b.length, start + size);
            out.write(b, start, stop - start);
            i = stop + 2;
        }
        return out.toByteArray();
    }
}
