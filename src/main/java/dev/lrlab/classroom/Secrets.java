package dev.lrlab.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Join codes, instructor secrets and seat tokens. Only hashes of secrets and tokens reach the
 * database, so a leaked backup gives no control of a class.
 */
final class Secrets {
    /** No 0/O, 1/I/l: a code read off a projector is typed right the first time. */
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;
    /** 192 bits: well above the 128 the secret must have. */
    private static final int SECRET_BYTES = 24;

    private final SecureRandom random = new SecureRandom();

    String joinCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    String secret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    static boolean matches(String presented, String storedSha256) {
        return presented != null && MessageDigest.isEqual(sha256(presented).getBytes(StandardCharsets.US_ASCII),
                storedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    /** A typed code in canonical form (upper case, no spaces), or null when it cannot be a code. */
    static String normalizeCode(String typed) {
        if (typed == null) {
            return null;
        }
        String c = typed.strip().replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (c.length() != CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            if (CODE_ALPHABET.indexOf(c.charAt(i)) < 0) {
                return null;
            }
        }
        return c;
    }
}
