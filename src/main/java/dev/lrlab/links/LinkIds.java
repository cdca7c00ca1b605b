package dev.lrlab.links;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-addressed ids of short links: the SHA-256 of the spec's canonical JSON, written in base62
 * from its least significant digit up, so every prefix is uniformly distributed and a longer id
 * (after a collision of a prefix) only appends digits. The derivation is frozen: the saved-links
 * fixture pins ids, because the same spec must keep giving the same link.
 */
public final class LinkIds {
    /** The length of a fresh id: 62^10 ≈ 8·10^17 ids, a collision needs about 10^9 links. */
    public static final int LENGTH = 10;
    /** The longest id: all base62 digits of a SHA-256. */
    public static final int MAX_LENGTH = 43;
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "," + MAX_LENGTH + "}");
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private LinkIds() {
    }

    /** The hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The id of {@code length} base62 digits of a hex SHA-256 (least significant first). */
    public static String id(String sha256Hex, int length) {
        if (length < LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("id length must be " + LENGTH + " … " + MAX_LENGTH + ", was " + length);
        }
        BigInteger n = new BigInteger(sha256Hex, 16);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return sb.toString();
    }

    /** Whether a text can be an id at all (checked before any database look-up). */
    public static boolean isWellFormed(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
