package dev.lrlab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.lrlab.spec.Limits;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON settings of the API, CLI and benchmark. Non-finite doubles (NaN, ±Infinity) are
 * written as {@code null}: the engine ends a diverged run before any non-finite value is recorded
 * and the analysis maps non-finite values to null, so this is only a safety net that keeps the
 * output valid JSON.
 */
public final class LrLabJson {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private LrLabJson() {
    }

    /** A shared, configured mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper configure(ObjectMapper m) {
        m.registerModule(nonFiniteAsNull());
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // shortest round-trip digits (Schubfach) instead of Double.toString: several times faster,
        // and every number parses back to the same double
        m.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Limits.MAX_JSON_DEPTH).maxNumberLength(100).maxStringLength(1_000_000).build());
        return m;
    }

    /** Writes non-finite doubles as null. */
    public static SimpleModule nonFiniteAsNull() {
        SimpleModule mod = new SimpleModule("lrlab-non-finite-as-null");
        DoubleSer ds = new DoubleSer();
        mod.addSerializer(Double.class, ds);
        mod.addSerializer(double.class, ds);
        mod.addSerializer(double[].class, new DoubleArraySer());
        return mod;
    }

    static final class DoubleSer extends StdSerializer<Double> {
        DoubleSer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || !Double.isFinite(v)) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    static final class DoubleArraySer extends StdSerializer<double[]> {
        DoubleArraySer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(a, a.length);
            for (double v : a) {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }
}
