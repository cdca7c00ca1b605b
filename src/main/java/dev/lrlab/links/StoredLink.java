package dev.lrlab.links;

import java.time.Instant;

/**
 * One row of the links table, as stored (never updated).
 *
 * @param kind        {@code experiment} (a {@code comparison} kind is reserved for side-by-side specs)
 * @param specJson    the canonical-minimal spec as JSON text
 * @param specVersion the spec version it was written in ({@link SpecMigrations} brings it forward)
 * @param sizeBytes   the UTF-8 length of {@code specJson}
 */
public record StoredLink(String id, String kind, String specJson, String specSha256, int specVersion,
                         String engineVersion, int sizeBytes, Instant createdAt) {
    public static final String EXPERIMENT = "experiment";
    public static final String COMPARISON = "comparison";
}
