package dev.lrlab.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.experiment.BusyException;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.LrLabJson;
import dev.lrlab.experiment.TimeLimitException;
import dev.lrlab.experiment.WorkQueue;
import dev.lrlab.spec.SpecException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Short links: stores experiments content-addressed and opens them again, through the
 * {@link ExperimentService} (every stored spec was compiled once and is stored in its
 * canonical-minimal form; opening compiles the stored spec once). No HTTP and no Vaadin here: the
 * REST API and the pages each map the exceptions to their own answer.
 */
public class LinkService {
    private static final ObjectMapper SORTED = LrLabJson.mapper().copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final ExperimentService experiments;
    private final LinkStore store;
    private final RateLimiter limiter;
    private final int maxSpecBytes;
    private final String engineVersion;
    private final Clock clock;
    /** Preview PNGs by id: a link never changes, so its picture is drawn once (then LRU, 64 kept). */
    private final Map<String, byte[]> previews = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > 64;
                }
            });

    /**
     * Previews run on their own small queue: anyone can GET a link's picture without an account,
     * and a few expensive links fetched at once held every simulation slot of the API (503 for
     * /api/simulate for two minutes). One preview runs at a time, two more may wait briefly.
     */
    private final WorkQueue previewQueue;
    /** Previews that failed (time limit, unrunnable spec), answered from here until they expire. */
    private final Map<String, Failure> failedPreviews = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
                    return size() > 256;
                }
            });
    /** How long a failed preview is answered from {@link #failedPreviews} before it is tried again. */
    static final java.time.Duration FAILED_PREVIEW_TTL = java.time.Duration.ofMinutes(10);

    private record Failure(RuntimeException error, java.time.Instant until) {
    }

    public LinkService(ExperimentService experiments, LinkStore store, RateLimiter limiter, int maxSpecBytes,
                       String engineVersion, Clock clock) {
        this(experiments, store, limiter, maxSpecBytes, engineVersion, clock,
                new WorkQueue("link-preview", 1, 2, 2_000, experiments.timeoutMs()));
    }

    public LinkService(ExperimentService experiments, LinkStore store, RateLimiter limiter, int maxSpecBytes,
                       String engineVersion, Clock clock, WorkQueue previewQueue) {
        this.previewQueue = previewQueue;
        this.experiments = experiments;
        this.store = store;
        this.limiter = limiter;
        this.maxSpecBytes = maxSpecBytes;
        this.engineVersion = engineVersion;
        this.clock = clock;
    }

    /** A stored link: its id, whether this call stored it, and its row. */
    public record Created(String id, boolean stored, StoredLink link) {
    }

    /** An opened link: its row and the stored spec, migrated and compiled once. */
    public record Opened(StoredLink link, Compiled compiled) {
    }

    public int maxSpecBytes() {
        return maxSpecBytes;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /** Counts one creation for {@code client}; {@link RateLimiter.RateLimitedException} over the limit. */
    public void admit(String client) {
        limiter.acquire(client == null ? "" : client);
    }

    /** Admits the client, then stores the compiled experiment (the Share button's path). */
    public Created create(String client, Compiled compiled) {
        admit(client);
        return store(compiled);
    }

    /** Compiles a spec once (all validation of /api/simulate: {@link SpecException}) and stores it. */
    public Created store(Map<String, ?> spec) {
        return store(experiments.compile(spec));
    }

    /** Stores a compiled experiment; the same canonical spec always gives the same id. */
    public Created store(Compiled compiled) {
        Map<String, Object> minimal = compiled.minimal();
        String json = write(LrLabJson.mapper(), minimal);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxSpecBytes) {
            throw new SpecTooLargeException(maxSpecBytes, size);
        }
        String sha = contentHash(minimal);
        for (int len = LinkIds.LENGTH; len <= LinkIds.MAX_LENGTH; len++) {
            String id = LinkIds.id(sha, len);
            Optional<StoredLink> existing = store.find(id);
            if (existing.isEmpty()) {
                StoredLink row = new StoredLink(id, StoredLink.EXPERIMENT, json, sha, SpecMigrations.CURRENT,
                        engineVersion, size, clock.instant());
                if (store.insert(row)) {
                    return new Created(id, true, row);
                }
                existing = store.find(id); // another request or node stored it a moment ago
            }
            if (existing.isPresent() && existing.get().specSha256().equals(sha)) {
                return new Created(id, false, existing.get());
            }
            // a different spec owns this prefix: the id grows by one digit
        }
        throw new IllegalStateException("no free id for SHA-256 " + sha);
    }

    /** The SHA-256 of a spec's key-sorted JSON: it depends on the content, not on map order. */
    static String contentHash(Map<String, ?> spec) {
        return LinkIds.sha256(write(SORTED, spec));
    }

    /** The row of an id; empty for unknown or malformed ids. */
    public Optional<StoredLink> find(String id) {
        return LinkIds.isWellFormed(id) ? store.find(id) : Optional.empty();
    }

    /** The stored spec of an id, migrated to the current spec version (not compiled). */
    public Optional<Map<String, Object>> spec(String id) {
        return find(id).map(LinkService::currentSpec);
    }

    /**
     * Opens a link: the stored spec, migrated forward and compiled once. Empty for unknown ids;
     * {@link SpecException} if this server cannot run it (e.g. its caps were lowered since).
     */
    public Optional<Opened> open(String id) {
        return find(id).map(link -> new Opened(link, experiments.compile(currentSpec(link))));
    }

    /**
     * The preview picture of a link ({@link PreviewImage}), simulated and drawn on the previews' own
     * one-slot queue (busy and time-limit answers as for /api/simulate, without taking the API's
     * slots); empty for unknown ids. A preview that failed (time limit, a spec this server cannot
     * run) gives the same answer for {@link #FAILED_PREVIEW_TTL} instead of being recomputed by
     * every GET; a busy answer is not remembered.
     */
    public Optional<byte[]> preview(String id) {
        byte[] cached = previews.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Failure failed = failedPreviews.get(id);
        if (failed != null) {
            if (clock.instant().isBefore(failed.until())) {
                throw failed.error();
            }
            failedPreviews.remove(id);
        }
        try {
            return open(id).map(o -> {
                Compiled c = o.compiled();
                byte[] png = previewQueue.run(() -> PreviewImage.png(c.landscape(), ExperimentRunner.run(c.engine())));
                previews.put(id, png);
                return png;
            });
        } catch (BusyException e) {
            throw e;
        } catch (TimeLimitException | SpecException e) {
            failedPreviews.put(id, new Failure(e, clock.instant().plus(FAILED_PREVIEW_TTL)));
            throw e;
        }
    }

    /** The previews' queue (its own slot; tests and metrics). */
    public WorkQueue previewQueue() {
        return previewQueue;
    }

    static Map<String, Object> currentSpec(StoredLink link) {
        Map<String, Object> spec;
        try {
            spec = LrLabJson.mapper().readValue(link.specJson(), SpecMap.TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored link " + link.id() + " holds unreadable JSON", e);
        }
        return SpecMigrations.toCurrent(link.specVersion(), spec);
    }

    private static String write(ObjectMapper m, Object o) {
        try {
            return m.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a spec as JSON", e);
        }
    }

    private static final class SpecMap {
        static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> TYPE =
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                };
    }

    /** A spec over {@code lrlab.links.max-spec-bytes}. */
    public static final class SpecTooLargeException extends RuntimeException {
        private final int maxBytes;

        public SpecTooLargeException(int maxBytes, long size) {
            super("a short link holds at most " + maxBytes + " bytes of spec JSON (lrlab.links.max-spec-bytes), was "
                    + (size < 0 ? "more" : size + " bytes"));
            this.maxBytes = maxBytes;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }
}
