package dev.lrlab.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.spec.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Experiment spec ↔ compact URL-safe share code.
 *
 * <p>Format version 1: {@code "1." + base64url(rawDeflate(json, dictionary))} without padding.
 * The JSON is the <em>canonical-minimal</em> spec (see {@code experiment.MinimalForm}): the
 * canonical spec without the fields that hold their default. The codec only packs and unpacks;
 * the application layer compiles what it unpacks, so the decoded spec describes the identical
 * experiment (same runs, seeds and trajectories). The deflate stream uses {@link #DICTIONARY} as preset dictionary (frequent spec
 * words), which is part of format 1 and must never change; a new dictionary needs a new version.
 * The inflated JSON is capped at {@link #MAX_INFLATED} bytes (zip-bomb guard).
 */
public final class ShareCodec {
    /** A link shortened by a mail client or a chat: the code ends too early. */
    static final String CUT_OFF = "The link looks cut off: its share code ends too early. Was it copied completely?";

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

    /** A copy of the format-1 preset dictionary (for tools and tests that build raw codes). */
    public static byte[] dictionary() {
        return DICTIONARY.clone();
    }

    /**
     * The code of a spec as given (callers pass the minimal form of a compiled experiment);
     * {@link ShareCodeTooLargeException} when the code would be too long for a link that opens.
     */
    public String encode(Map<String, ?> minimal) {
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

    /**
     * The spec a code holds, unpacked but not compiled (the caller compiles it once); throws
     * {@link ShareCodeException} for damaged, truncated or foreign codes.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decode(String code) {
        if (code == null || code.isBlank()) {
            throw new ShareCodeException("empty", "The share code is empty.");
        }
        code = code.trim();
        if (code.length() > MAX_CODE_LENGTH) {
            throw new ShareCodeException("tooLong", "The share code is too long (" + code.length() + " characters; at most "
                    + MAX_CODE_LENGTH + ").", code.length(), MAX_CODE_LENGTH);
        }
        int dot = code.indexOf('.');
        if (dot < 0) {
            throw new ShareCodeException("notACode", "This is not a share code: it should start with a version like '1.'.");
        }
        String version = code.substring(0, dot);
        if (!version.equals(VERSION)) {
            throw new ShareCodeException("version", "The share code has version '" + shorten(version)
                    + "', but this server only reads version " + VERSION + ".", shorten(version), VERSION);
        }
        String body = code.substring(dot + 1);
        if (!body.matches("[A-Za-z0-9_-]*")) {
            throw new ShareCodeException("badCharacters", "The share code contains characters that cannot appear in a share code "
                    + "(only letters, digits, '-' and '_'); was it copied completely?");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            // every character is allowed, so the length is wrong: a code cut off mid-group of four
            throw new ShareCodeException("cutOff", CUT_OFF);
        }
        byte[] json = inflate(compressed);
        Object parsed;
        try {
            parsed = JSON.readValue(json, Object.class);
        } catch (StreamConstraintsException e) {
            throw new ShareCodeException("tooDeep", "The share code holds a spec nested more than " + Limits.MAX_JSON_DEPTH
                    + " levels deep; this server does not accept it.", Limits.MAX_JSON_DEPTH);
        } catch (Exception e) {
            throw new ShareCodeException("notJson", "The share code unpacks to text that is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ShareCodeException("notSpec", "The share code does not hold an experiment spec (a JSON object).");
        }
        return (Map<String, Object>) m;
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
                        throw new ShareCodeException("cutOff", CUT_OFF);
                    }
                } else {
                    idle = 0;
                }
                if (out.size() + n > MAX_INFLATED) {
                    throw new ShareCodeException("tooLarge", "The share code unpacks to more than " + (MAX_INFLATED / 1024)
                            + " KiB; this server does not accept such large specs.", MAX_INFLATED / 1024);
                }
                out.write(buf, 0, n);
            }
            if (inf.getRemaining() > 0) {
                throw new ShareCodeException("extra", "The share code is damaged: it has extra characters after its end.");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ShareCodeException("damaged", "The share code is damaged: its compressed data cannot be unpacked.");
        } finally {
            inf.end();
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
