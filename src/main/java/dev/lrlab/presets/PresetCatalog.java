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

    public PresetCatalog(List<Preset> presets) {
        Map<String, Preset> m = new LinkedHashMap<>();
        for (Preset p : presets) {
            if (m.put(p.id(), p) != null) {
                throw new IllegalStateException("duplicate preset id " + p.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
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
        ClassLoader cl = PresetCatalog.class.getClassLoader();
        List<Preset> out = new ArrayList<>();
        try (InputStream idx = cl.getResourceAsStream(DIR + "index.json")) {
            if (idx == null) {
                throw new IllegalStateException("missing " + DIR + "index.json");
            }
            String[] ids = JSON.readValue(idx, String[].class);
            for (String id : ids) {
                try (InputStream in = cl.getResourceAsStream(DIR + id + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("missing preset file " + DIR + id + ".json");
                    }
                    Preset p = JSON.readValue(in, Preset.class);
                    if (!id.equals(p.id())) {
                        throw new IllegalStateException(DIR + id + ".json has id " + p.id());
                    }
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read presets", e);
        }
        return new PresetCatalog(out);
    }

    public List<Preset> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Preset> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
