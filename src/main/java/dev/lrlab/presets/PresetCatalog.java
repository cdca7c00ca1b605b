package dev.lrlab.presets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lesson presets, read from {@code classpath:presets/*.json} in the order of
 * {@code presets/index.json} (a JSON list of ids; file {@code presets/<id>.json}).
 */
public final class PresetCatalog {
    private static final String DIR = "presets/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static volatile PresetCatalog standard;

    private final Map<String, Preset> byId;
    private final Map<String, ComparisonPreset> comparisons;

    public PresetCatalog(List<Preset> presets) {
        this(presets, List.of());
    }

    public PresetCatalog(List<Preset> presets, List<ComparisonPreset> comparisonPresets) {
        Map<String, Preset> m = new LinkedHashMap<>();
        for (Preset p : presets) {
            if (m.put(p.id(), p) != null) {
                throw new IllegalStateException("duplicate preset id " + p.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
        Map<String, ComparisonPreset> cm = new LinkedHashMap<>();
        for (ComparisonPreset p : comparisonPresets) {
            if (cm.put(p.id(), p) != null || m.containsKey(p.id())) {
                throw new IllegalStateException("duplicate preset id " + p.id());
            }
        }
        this.comparisons = Collections.unmodifiableMap(cm);
    }

    /** The presets shipped with the app (loaded once). */
    public static PresetCatalog standard() {
        PresetCatalog c = standard;
        if (c == null) {
            synchronized (PresetCatalog.class) {
                c = standard;
                if (c == null) {
                    c = load();
                    standard = c;
                }
            }
        }
        return c;
    }

    static PresetCatalog load() {
        return new PresetCatalog(read(DIR, Preset.class, Preset::id),
                read("comparisons/", ComparisonPreset.class, ComparisonPreset::id));
    }

    /** The files of {@code dir/index.json}, in its order; each file's id must be its name. */
    private static <T> List<T> read(String dir, Class<T> type, java.util.function.Function<T, String> idOf) {
        ClassLoader cl = PresetCatalog.class.getClassLoader();
        List<T> out = new ArrayList<>();
        try (InputStream idx = cl.getResourceAsStream(dir + "index.json")) {
            if (idx == null) {
                throw new IllegalStateException("missing " + dir + "index.json");
            }
            String[] ids = JSON.readValue(idx, String[].class);
            for (String id : ids) {
                try (InputStream in = cl.getResourceAsStream(dir + id + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("missing preset file " + dir + id + ".json");
                    }
                    T p = JSON.readValue(in, type);
                    if (!id.equals(idOf.apply(p))) {
                        throw new IllegalStateException(dir + id + ".json has id " + idOf.apply(p));
                    }
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read presets", e);
        }
        return out;
    }

    public List<Preset> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Preset> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The comparison presets (classpath:comparisons/), in index order. */
    public List<ComparisonPreset> comparisons() {
        return List.copyOf(comparisons.values());
    }

    public Optional<ComparisonPreset> comparison(String id) {
        return Optional.ofNullable(comparisons.get(id));
    }
}
