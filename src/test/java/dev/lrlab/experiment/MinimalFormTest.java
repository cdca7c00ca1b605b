package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The minimal form decided from the defaults must equal the one found by brute force (remove each
 * field, recompile the whole spec, keep the removal when the canonical spec is unchanged), for
 * every preset and for specs that use every run stage.
 */
class MinimalFormTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 60_000);
    final ExperimentCompiler compiler = new ExperimentCompiler();

    @Test
    void equalsTheBruteForceMinimalForEveryPreset() throws Exception {
        for (Preset p : PresetCatalog.standard().all()) {
            assertSameMinimal(p.id(), p.spec());
        }
    }

    @Test
    void equalsTheBruteForceMinimalForEveryStage() throws Exception {
        String[] specs = {
            // game with a different max-player optimizer (TTUR) and a non-default method
            "{\"landscape\":{\"type\":\"bilinear\"},\"runs\":[{\"steps\":50,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},"
                + "\"game\":{\"method\":\"alternating\",\"yOptimizer\":{\"type\":\"sgd\",\"lr\":0.3}}},"
                + "{\"optimizer\":{\"type\":\"adam\",\"lr\":0.1},\"game\":{\"method\":\"simultaneous\","
                + "\"yOptimizer\":{\"type\":\"adam\",\"lr\":0.1}}}]}",
            // every stage, some at their defaults
            "{\"version\":1,\"landscape\":{\"type\":\"linearRegression\",\"n\":50,\"features\":2},\"runs\":[{\"label\":\"Run 1\","
                + "\"color\":null,\"steps\":100,\"seed\":3,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9,"
                + "\"nesterov\":false},\"noise\":{\"type\":\"minibatch\",\"batchSize\":1},\"clipNorm\":2,"
                + "\"rollback\":{\"ratio\":1.5,\"factor\":0.25},\"record\":{\"every\":1},"
                + "\"resetMomentumOnRestart\":true,\"schedule\":{\"type\":\"cosineWarmRestarts\",\"t0\":20,\"tMult\":1}},"
                + "{\"label\":\"B\",\"start\":[0.5,0.5],\"optimizer\":{\"type\":\"rmsprop\"},\"noise\":{\"type\":\"gaussian\","
                + "\"sigma\":0.1,\"batchSize\":4},\"record\":{\"every\":5},\"schedule\":{\"type\":\"constant\"}}]}",
            // nested schedules and a nested landscape
            "{\"landscape\":{\"type\":\"nonStationary\",\"base\":{\"type\":\"quadratic\",\"eigenvalues\":[1,10],"
                + "\"angleDeg\":0},\"atStep\":50},\"runs\":[{\"steps\":300,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,"
                + "\"momentum\":0.9},\"schedule\":{\"type\":\"scaled\",\"schedule\":{\"type\":\"cyclic\",\"baseLr\":0.01,"
                + "\"maxLr\":0.1,\"stepSizeUp\":25,\"cycleMomentum\":true},\"envelope\":{\"type\":\"inverseTime\",\"k\":0.05}}},"
                + "{\"steps\":200,\"optimizer\":{\"type\":\"adam\",\"lr\":0.1},\"noise\":{\"type\":\"thermostat\","
                + "\"targetK\":0.01},\"schedule\":{\"type\":\"sequential\",\"schedules\":[{\"type\":\"linear\","
                + "\"startFactor\":0.1,\"totalIters\":10},{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":200}],"
                + "\"milestones\":[10]}}]}",
        };
        for (String s : specs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = JSON.readValue(s, Map.class);
            assertSameMinimal(s, spec);
        }
    }

    @Test
    void oneCompilePerShareCode() {
        Map<String, Object> spec = PresetCatalog.standard().byId("s28-phases-coarse-then-fine").orElseThrow().spec();
        long before = service.compileCount();
        Compiled c = service.compile(spec);
        service.shareCode(c);
        assertThat(service.compileCount() - before).isEqualTo(1);
        String code = service.shareCode(c);
        before = service.compileCount();
        service.open(code);
        assertThat(service.compileCount() - before).as("opening a link").isEqualTo(1);
    }

    private void assertSameMinimal(String what, Map<String, Object> spec) throws Exception {
        Map<String, Object> fast = service.compile(spec).minimal();
        Map<String, Object> brute = bruteForce(spec);
        assertThat(JSON.writeValueAsString(fast)).as(what).isEqualTo(JSON.writeValueAsString(brute));
        assertThat(compiler.canonical(fast)).as(what).isEqualTo(compiler.canonical(spec));
    }

    /** The reference: what share codes held before (compile after each removal). */
    private Map<String, Object> bruteForce(Map<String, Object> spec) throws Exception {
        Map<String, Object> canon = copy(compiler.canonical(spec));
        String target = JSON.writeValueAsString(compiler.canonical(canon));
        prune(canon, canon, target);
        return canon;
    }

    @SuppressWarnings("unchecked")
    private void prune(Map<String, Object> root, Map<String, Object> node, String target) throws Exception {
        for (String key : new ArrayList<>(node.keySet())) {
            Object value = node.remove(key);
            if (value != null && !same(root, target)) {
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
    }

    private boolean same(Map<String, Object> root, String target) {
        try {
            return JSON.writeValueAsString(compiler.canonical(root)).equals(target);
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(m), LinkedHashMap.class);
    }
}
