package dev.lrlab.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic fuzz cases for every API endpoint that takes a body or path parameters: valid
 * bodies (experiment specs, comparisons, sweeps, range tests, class actions) mutated in their JSON
 * tree (types swapped, huge, negative, tiny and non-finite numbers, deep nesting, unicode, nulls,
 * missing and unknown fields) or in their text (cut, broken UTF-8, NaN tokens, comments), sent with
 * right and wrong Content-Types; and path parameters (share codes, link ids, preset ids, class
 * codes, member ids, secrets) real, fake and mangled. Same seed, same cases.
 */
final class ApiFuzzCases {
    record Case(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + b.replaceAll("\\s+", " ");
        }
    }

    /** The real identifiers the cases mix with fake ones (a class made for the fuzz, a stored link …). */
    record Known(String classCode, String secret, int memberId, String seatToken, String linkId, String shareCode,
                 List<String> presetIds) {
    }

    static final String[] SPECS = {
        "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},\"runs\":[{\"label\":\"SGD\",\"start\":[2],\"steps\":4,"
            + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}",
        "{\"version\":1,\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[1,10]},\"runs\":[{\"start\":[-4,2],\"steps\":100,"
            + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.19,\"momentum\":0.9}},{\"start\":[-4,2],\"steps\":100,"
            + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.21},\"schedule\":{\"type\":\"cosine\",\"tMax\":100}}]}",
        "{\"landscape\":{\"type\":\"rosenbrock\"},\"runs\":[{\"start\":[-1.5,2],\"steps\":200,\"optimizer\":{\"type\":\"adamw\","
            + "\"lr\":0.02},\"schedule\":{\"type\":\"oneCycle\",\"maxLr\":0.05},\"clipNorm\":1,\"record\":{\"every\":10}}]}",
        "{\"landscape\":{\"type\":\"linearRegression\",\"n\":50,\"features\":2,\"noise\":0.1,\"seed\":3},\"runs\":[{\"steps\":50,"
            + "\"seed\":1,\"noise\":{\"type\":\"minibatch\",\"batchSize\":8},\"optimizer\":{\"type\":\"rmsprop\",\"lr\":0.01}}]}",
        "{\"landscape\":{\"type\":\"quadraticGame\"},\"runs\":[{\"steps\":50,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},"
            + "\"game\":{\"method\":\"extragradient\",\"yOptimizer\":{\"type\":\"sgd\",\"lr\":0.1}}}]}",
        "{\"landscape\":{\"type\":\"nonStationary\",\"base\":{\"type\":\"doubleWell\"},\"atStep\":20},\"runs\":[{\"steps\":60,"
            + "\"optimizer\":{\"type\":\"nadam\",\"lr\":0.01},\"schedule\":{\"type\":\"sequential\",\"schedules\":[{\"type\":"
            + "\"linear\"},{\"type\":\"scaled\",\"schedule\":{\"type\":\"step\",\"stepSize\":5},\"envelope\":{\"type\":"
            + "\"cosine\",\"tMax\":30}}],\"milestones\":[5]},\"rollback\":{\"ratio\":1.5,\"factor\":0.5,\"maxRetries\":3}}]}",
        "{\"landscape\":{\"type\":\"rastrigin\",\"dim\":3},\"runs\":[{\"steps\":80,\"noise\":{\"type\":\"gaussian\",\"sigma\":0.1},"
            + "\"optimizer\":{\"type\":\"radam\",\"lr\":0.01,\"precision\":\"float16\"},\"schedule\":{\"type\":\"curvature\"}}]}",
    };
    static final String[] CONTENT_TYPES = {null, "*/*", "application/*", "text/plain", "multipart/form-data; boundary=x",
        "garbage", "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/json; charset=nope",
        "application/problem+json", "text/json", "*/json"};
    static final String[] STRINGS = {"", " ", "x", "sgd", "中文", "\uD83D\uDE00", "\u202Eevil", "\u0000", "<script>",
        "' OR '1'='1", "\"; DROP TABLE links; --", "runs[0].optimizer.lr", "../../etc/passwd", "%zz", "NaN", "1e999",
        "Infinity", "-0", "null", "true", "${jndi:ldap://x}", "\\", "\uD800"};

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Random r;
    private final Known known;
    private final List<JsonNode> specs = new ArrayList<>();

    ApiFuzzCases(long seed, Known known, List<Map<String, Object>> presetSpecs) throws Exception {
        this.r = new Random(seed);
        this.known = known;
        for (String s : SPECS) {
            specs.add(json.readTree(s));
        }
        for (Map<String, Object> p : presetSpecs) {
            specs.add(json.valueToTree(p));
        }
    }

    List<Case> build(int n) throws Exception {
        List<Case> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i % 5 == 4 ? pathCase() : bodyCase());
        }
        return out;
    }

    private Case bodyCase() throws Exception {
        JsonNode spec = pick(specs).deepCopy();
        String code = classCode();
        String member = r.nextInt(4) == 0 ? seg(mangle(Integer.toString(known.memberId())))
                : Integer.toString(known.memberId());
        Map<String, String> auth = authHeaders();
        String path;
        JsonNode body;
        switch (r.nextInt(16)) {
            case 0, 1 -> { path = "/api/simulate"; body = r.nextInt(4) == 0 ? comparison() : spec; }
            case 2 -> { path = "/api/analyze"; body = spec; }
            case 3 -> { path = "/api/share"; body = spec; }
            case 4 -> { path = "/api/export/pytorch"; body = spec; }
            case 5 -> { path = "/api/links"; body = spec; }
            case 6 -> { path = "/api/sweep"; body = sweep(spec); }
            case 7 -> { path = "/api/lr-range"; body = obj("spec", spec, "run", 0, "startLr", 1e-6, "endLr", 10, "steps", 50); }
            case 8 -> { path = "/api/classes/" + code + "/push"; body = obj("spec", spec); }
            case 9 -> { path = "/api/classes/" + code + "/locks"; body = obj("editable", json.valueToTree(
                    List.of("runs[0].optimizer.lr", "runs[0].steps"))); }
            case 10 -> { path = "/api/classes/" + code + "/phase"; body = obj("phase", pick(List.of("paused", "running",
                    "reveal", "ended"))); }
            case 11 -> { path = "/api/classes/" + code + "/question"; body = obj("kind", pick(List.of("none", "choice",
                    "number")), "text", "Which η diverges?"); }
            case 12 -> { path = "/api/classes/" + code + "/sweep"; body = obj("path", "runs[0].optimizer.lr", "min", 0.01,
                    "max", 1, "points", 10); }
            case 13 -> { path = "/api/classes/" + code + "/" + (r.nextBoolean() ? "anonymize" : "spotlight");
                body = r.nextBoolean() ? obj("on", true) : obj("memberId", known.memberId()); }
            case 14 -> { path = "/api/classes/" + code + "/members"; body = obj("name", pick(List.of(STRINGS))); }
            default -> { path = "/api/classes/" + code + "/members/" + member + "/submissions";
                body = obj("spec", spec, "prediction", r.nextBoolean() ? "converge" : 0.5);
                auth = r.nextBoolean() ? Map.of("X-Seat-Token", known.seatToken()) : auth; }
        }
        int mutations = r.nextInt(4); // 0: the valid body itself
        for (int m = 0; m < mutations; m++) {
            body = mutate(body);
        }
        byte[] bytes = r.nextInt(6) == 0 ? textMutation(json.writeValueAsString(body)) : json.writeValueAsBytes(body);
        String type = r.nextInt(8) == 0 ? pick(java.util.Arrays.asList(CONTENT_TYPES)) : "application/json";
        return new Case("POST", path, type, bytes, auth);
    }

    private Case pathCase() {
        String code = classCode();
        return switch (r.nextInt(8)) {
            case 0 -> get("/api/share/" + seg(r.nextInt(3) == 0 ? known.shareCode() : mangle(known.shareCode())));
            case 1 -> get("/api/links/" + seg(r.nextInt(3) == 0 ? known.linkId() : mangle(known.linkId())));
            case 2 -> get("/api/links/" + seg(r.nextInt(8) == 0 ? known.linkId() : mangle(known.linkId())) + "/preview.png");
            case 3 -> get("/api/presets/" + seg(r.nextBoolean() ? pick(known.presetIds()) : mangle(pick(known.presetIds()))));
            case 4 -> get("/api/classes/" + code);
            case 5 -> new Case("GET", "/api/classes/" + code + "/results", null, null, r.nextBoolean()
                    ? Map.of("Accept", "text/csv", "Authorization", "Bearer " + known.secret()) : authHeaders());
            case 6 -> new Case("POST", "/api/classes", pick(java.util.Arrays.asList(CONTENT_TYPES)), r.nextBoolean() ? null : new byte[0],
                    Map.of());
            default -> get("/api/" + seg(pick(List.of(STRINGS))) + "/" + seg(mangle("simulate")));
        };
    }

    private Case get(String path) {
        return new Case("GET", path, r.nextInt(6) == 0 ? pick(java.util.Arrays.asList(CONTENT_TYPES)) : null, null, Map.of());
    }

    private String classCode() {
        return switch (r.nextInt(5)) {
            case 0 -> "ZZZZZZ";
            case 1 -> seg(mangle(known.classCode()));
            default -> known.classCode();
        };
    }

    private Map<String, String> authHeaders() {
        return switch (r.nextInt(5)) {
            case 0 -> Map.of();
            case 1 -> Map.of("Authorization", "Bearer " + mangle(known.secret()).replaceAll("[^\\x21-\\x7e]", "?"));
            case 2 -> Map.of("Authorization", "Basic " + known.secret());
            default -> Map.of("Authorization", "Bearer " + known.secret());
        };
    }

    private JsonNode comparison() {
        ArrayNode panels = nodes.arrayNode();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            panels.add(pick(specs).deepCopy());
        }
        return obj("version", 1, "panels", panels, "tolerance", 1e-6);
    }

    private JsonNode sweep(JsonNode spec) {
        ObjectNode p = nodes.objectNode().put("path", pick(List.of("runs[0].optimizer.lr", "runs[0].steps",
                "landscape.eigenvalues[0]", "runs[0].optimizer.momentum")));
        if (r.nextBoolean()) {
            p.set("values", json.valueToTree(List.of(0.01, 0.1, 0.19, 0.21)));
        } else {
            p.set(r.nextBoolean() ? "logRange" : "linRange", obj("from", 1e-3, "to", 1, "count", 8));
        }
        ArrayNode params = nodes.arrayNode().add(p);
        return obj("spec", spec, "parameters", params);
    }

    /** One change somewhere in the tree: a value replaced, a field dropped or added, a type swapped. */
    JsonNode mutate(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return weird();
        }
        JsonNode c = pick(containers);
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "x" : pick(names);
            switch (r.nextInt(5)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(pick(List.of("unknownField", "lr", "type", "__proto__", "runs", "中文", "")), weird());
                case 2 -> o.set(name, swapType(o.get(name)));
                default -> o.set(name, weird());
            }
        } else if (c instanceof ArrayNode a) {
            int i = a.isEmpty() ? 0 : r.nextInt(a.size());
            switch (r.nextInt(4)) {
                case 0 -> { if (!a.isEmpty()) a.remove(i); }
                case 1 -> { for (int k = 0, n = 1 + r.nextInt(40); k < n && !a.isEmpty(); k++) a.add(a.get(i).deepCopy()); }
                case 2 -> { if (!a.isEmpty()) a.set(i, swapType(a.get(i))); }
                default -> a.add(weird());
            }
        }
        return root;
    }

    private void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(e -> collect(e, out));
        }
    }

    private JsonNode swapType(JsonNode v) {
        if (v == null || v.isNull()) {
            return nodes.objectNode();
        }
        if (v.isNumber()) {
            return r.nextBoolean() ? nodes.textNode(v.asText()) : nodes.numberNode(-v.asDouble() * pick(List.of(1.0, 1e6, 1e300)));
        }
        if (v.isTextual()) {
            return r.nextBoolean() ? nodes.numberNode(v.asText().length()) : nodes.arrayNode().add(v);
        }
        if (v.isArray()) {
            return r.nextBoolean() ? nodes.objectNode().set("0", v) : nodes.textNode(v.toString());
        }
        if (v.isObject()) {
            return r.nextBoolean() ? nodes.arrayNode().add(v) : nodes.numberNode(1);
        }
        return nodes.textNode(v.asText());
    }

    /** A value no spec expects. */
    private JsonNode weird() {
        return switch (r.nextInt(14)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(pick(List.of(1e308, -1e308, Double.MIN_VALUE, 1e-308, -0.0, 0.0, -1.0, 1e9)));
            case 2 -> nodes.numberNode(new BigInteger("1" + "0".repeat(40 + r.nextInt(400))));
            case 3 -> nodes.numberNode(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L, -2147483649L)));
            case 4 -> nodes.textNode(pick(List.of(STRINGS)));
            case 5 -> nodes.textNode("é".repeat(1 + r.nextInt(20_000)));
            case 6 -> nodes.booleanNode(r.nextBoolean());
            case 7 -> nest(5 + r.nextInt(60));
            case 8 -> json.valueToTree(java.util.Collections.nCopies(1 + r.nextInt(5000), 1));
            case 9 -> nodes.objectNode();
            case 10 -> nodes.arrayNode();
            case 11 -> pick(specs).deepCopy();
            case 12 -> nodes.numberNode(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            default -> nodes.numberNode(r.nextInt(2000) - 1000);
        };
    }

    private JsonNode nest(int depth) {
        JsonNode n = nodes.numberNode(1);
        for (int i = 0; i < depth; i++) {
            n = r.nextBoolean() ? nodes.arrayNode().add(n) : nodes.objectNode().set("a", n);
        }
        return n;
    }

    /** Damage below the JSON level: cut, broken UTF-8, non-JSON tokens, comments, a BOM, junk after the end. */
    private byte[] textMutation(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return switch (r.nextInt(9)) {
            case 0 -> java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> concat(java.util.Arrays.copyOf(b, r.nextInt(b.length + 1)), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF});
            case 2 -> text.replaceFirst("\\d+(\\.\\d+)?", pick(List.of("NaN", "Infinity", "-Infinity", "1e999", "01", "-",
                    ".5", "0x10"))).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("/* c */" + text + "// x").getBytes(StandardCharsets.UTF_8);
            case 4 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            case 5 -> (text + pick(List.of("}", "]", ",", " x", "{}", "\u0000"))).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replaceFirst("\"(\\w+)\":", "\"$1\":1,\"$1\":").getBytes(StandardCharsets.UTF_8);
            case 7 -> ("[".repeat(1 + r.nextInt(3000)) + "]".repeat(r.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
            default -> pick(List.of("", " ", "null", "[]", "\"spec\"", "42", "{", "{\"\":}", "\uFEFF{}"))
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The text changed a little: cut, a character swapped, something inserted. */
    private String mangle(String s) {
        String[] inserts = {"中", "\uD83D\uDE00", " ", "..", "'", "\"", "<", "%", "=", "?", "0", "-", ";"};
        return switch (r.nextInt(5)) {
            case 0 -> s.isEmpty() ? s : s.substring(0, r.nextInt(s.length()));
            case 1 -> s + pick(List.of(inserts));
            // at most ~4,000 characters: longer request lines are refused by Tomcat before the URI is
            // known (an HTML 400: whether it was an /api address cannot be told)
            case 2 -> s.repeat(1 + r.nextInt(Math.max(1, 4000 / Math.max(1, s.length()))));
            case 3 -> new StringBuilder(s).reverse().toString();
            default -> pick(List.of(inserts)) + s;
        };
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ObjectNode obj(Object... kv) {
        ObjectNode o = nodes.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], kv[i + 1] instanceof JsonNode n ? n : json.valueToTree(kv[i + 1]));
        }
        return o;
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
