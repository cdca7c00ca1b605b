package dev.lrlab.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Experiment spec ↔ compact URL-safe share code.
 *
 * <p>Format version 1: {@code "1." + base64url(rawDeflate(json, dictionary))} without padding.
 * The JSON is the <em>canonical-minimal</em> spec: the canonical spec (every default filled in)
 * with every field removed whose absence leaves the canonical spec unchanged. Decoding compiles the
 * JSON again, so the decoded spec describes the identical experiment (same runs, seeds and
 * trajectories). The deflate stream uses {@link #DICTIONARY} as preset dictionary (frequent spec
 * words), which is part of format 1 and must never change; a new dictionary needs a new version.
 * The inflated JSON is capped at {@link #MAX_INFLATED} bytes (zip-bomb guard).
 */
public final class ShareCodec {
    public static final String VERSION = "1";
    public static final int MAX_INFLATED = 256 * 1024;
    /**
     * Longest code {@link #encode} issues. A link must open under Tomcat's default 8 KiB limit on
     * the request line plus headers, and the browser's start-up request carries the code once more
     * in its query (the page's {@code Referrer-Policy} keeps it out of the Referer header); 6000
     * characters leaves ~2 KiB for the path and ordinary headers (cookies, user agent).
     */
    public static final int MAX_LINK_CODE_LENGTH = 6000;
    /** Longest code accepted for decoding (characters). */
    public static final int MAX_CODE_LENGTH = 64 * 1024;

    static final byte[] DICTIONARY = ("{\"landscape\":{\"type\":\"rosenbrock\",\"type\":\"doubleWell\",\"type\":\"flatSharp\","
            + "\"type\":\"linearRegression\",\"type\":\"nonStationary\",\"base\":{\"type\":\"bilinear\",\"atStep\":"
            + "\"gradientScale\":\"featureScale\":\"features\":\"noise\":{\"type\":\"gaussian\",\"sigma\":\"batchSize\":"
            + "\"minibatch\"\"thermostat\",\"targetK\":\"rollback\":{\"ratio\":\"clipNorm\":\"record\":{\"every\":"
            + "\"resetMomentumOnRestart\":true,\"game\":{\"method\":\"extragradient\"\"optimistic\"\"alternating\""
            + "\"schedule\":{\"type\":\"cosineWarmRestarts\",\"t0\":\"tMult\":\"cosine\",\"tMax\":\"etaMin\":"
            + "\"cyclic\",\"baseLr\":\"maxLr\":\"stepSizeUp\":\"oneCycle\",\"sequential\",\"schedules\":[\"milestones\":["
            + "\"scaled\",\"envelope\":{\"type\":\"inverseTime\",\"k\":\"exponential\",\"gamma\":\"step\",\"stepSize\":"
            + "\"curvature\",\"safety\":\"precision\":\"float16\",\"eps\":1e-8,\"weightDecay\":\"momentum\":0.9,"
            + "\"nesterov\":true,\"type\":\"adamw\",\"type\":\"rmsprop\",\"alpha\":\"type\":\"adagrad\",\"type\":\"adam\","
            + "\"beta1\":0.9,\"beta2\":0.999,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"seed\":\"steps\":100,"
            + "\"start\":[\"label\":\"Run \"quadratic\",\"eigenvalues\":[1,10],\"angleDeg\":\"runs\":[{\"")
            .getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the same depth cap as API bodies: a crafted code must not make the parser recurse deeply
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Limits.MAX_JSON_DEPTH).build());
    }

    private final ExperimentCompiler compiler;

    public ShareCodec() {
        this(Limits.DEFAULT);
    }

    public ShareCodec(Limits limits) {
        this.compiler = new ExperimentCompiler(limits);
    }

    /**
     * The code of a spec; throws {@link SpecException} when the spec is not valid and
     * {@link ShareCodeTooLargeException} when its code would be too long for a link that opens.
     */
    public String encode(Map<String, ?> spec) {
        Map<String, Object> minimal = minimal(spec);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(minimal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setDictionary(DICTIONARY);
            d.setInput(json);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            String code = VERSION + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
            if (code.length() > MAX_LINK_CODE_LENGTH) {
                throw new ShareCodeTooLargeException(code.length(), MAX_LINK_CODE_LENGTH);
            }
            return code;
        } finally {
            d.end();
        }
    }

    /** The spec of a code (canonical-minimal, valid); throws {@link ShareCodeException}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decode(String code) {
        if (code == null || code.isBlank()) {
            throw new ShareCodeException("The share code is empty.");
        }
        code = code.trim();
        if (code.length() > MAX_CODE_LENGTH) {
            throw new ShareCodeException("The share code is too long (" + code.length() + " characters; at most "
                    + MAX_CODE_LENGTH + ").");
        }
        int dot = code.indexOf('.');
        if (dot < 0) {
            throw new ShareCodeException("This is not a share code: it should start with a version like '1.'.");
        }
        String version = code.substring(0, dot);
        if (!version.equals(VERSION)) {
            throw new ShareCodeException("The share code has version '" + shorten(version)
                    + "', but this server only reads version " + VERSION + ".");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(code.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new ShareCodeException("The share code contains characters that cannot appear in a share code "
                    + "(only letters, digits, '-' and '_'); was it copied completely?");
        }
        byte[] json = inflate(compressed);
        Object parsed;
        try {
            parsed = JSON.readValue(json, Object.class);
        } catch (StreamConstraintsException e) {
            throw new ShareCodeException("The share code holds a spec nested more than " + Limits.MAX_JSON_DEPTH
                    + " levels deep; this server does not accept it.");
        } catch (Exception e) {
            throw new ShareCodeException("The share code unpacks to text that is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ShareCodeException("The share code does not hold an experiment spec (a JSON object).");
        }
        Map<String, Object> spec = (Map<String, Object>) m;
        try {
            compiler.compile(spec);
        } catch (SpecException e) {
            throw new ShareCodeException("The share code holds a spec this server cannot run: "
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage(), e);
        }
        return spec;
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inf = new Inflater(true);
        try {
            inf.setDictionary(DICTIONARY);
            inf.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int idle = 0;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsInput() || ++idle > 3) {
                        throw new ShareCodeException("The share code is incomplete (cut off); was it copied completely?");
                    }
                } else {
                    idle = 0;
                }
                if (out.size() + n > MAX_INFLATED) {
                    throw new ShareCodeException("The share code unpacks to more than " + (MAX_INFLATED / 1024)
                            + " KiB; this server does not accept such large specs.");
                }
                out.write(buf, 0, n);
            }
            if (inf.getRemaining() > 0) {
                throw new ShareCodeException("The share code is damaged: it has extra characters after its end.");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ShareCodeException("The share code is damaged: its compressed data cannot be unpacked.");
        } finally {
            inf.end();
        }
    }

    /**
     * The canonical spec with every field removed whose absence does not change the canonical spec
     * (defaults, nulls). Throws {@link SpecException} for an invalid spec.
     */
    public Map<String, Object> minimal(Map<String, ?> spec) {
        Map<String, Object> canon = compiler.canonical(spec);
        String target = json(canon);
        Map<String, Object> work = deepCopy(canon);
        if (!json(compiler.canonical(work)).equals(target)) {
            // the canonical form is not a fixpoint (should not happen): share the spec as given
            Map<String, Object> asGiven = deepCopy(spec);
            return asGiven;
        }
        prune(work, work, target);
        return work;
    }

    /** Depth-first: try removing each field of {@code node}; keep the removal when the result is unchanged. */
    @SuppressWarnings("unchecked")
    private void prune(Map<String, Object> root, Map<String, Object> node, String target) {
        for (String key : new ArrayList<>(node.keySet())) {
            Object value = node.remove(key);
            if (value != null && !sameAs(root, target)) {
                node.put(key, value);
                if (value instanceof Map<?, ?> child) {
                    prune(root, (Map<String, Object>) child, target);
                } else if (value instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> child) {
                            prune(root, (Map<String, Object>) child, target);
                        }
                    }
                }
            }
        }
        // keep the field order of the canonical spec
    }

    private boolean sameAs(Map<String, Object> root, String target) {
        try {
            return json(compiler.canonical(root)).equals(target);
        } catch (RuntimeException e) { // SpecException, or a validation gap for a field that must stay
            return false;
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            out.put(e.getKey(), copy(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(copy(o));
            }
            return out;
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
