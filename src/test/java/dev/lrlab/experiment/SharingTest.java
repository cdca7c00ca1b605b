package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.presets.Preset;
import dev.lrlab.presets.PresetCatalog;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Share codes through the application layer: encode the minimal form, open = unpack + one compile. */
class SharingTest {
    final ShareCodec codec = new ShareCodec();
    final ExperimentCompiler compiler = new ExperimentCompiler();
    final ExperimentService service = new ExperimentService(Limits.DEFAULT, 2, 60_000);

    @Test
    void everyPresetRoundTripsToTheIdenticalExperiment() {
        List<Integer> lengths = new ArrayList<>();
        for (Preset p : PresetCatalog.standard().all()) {
            String code = service.shareCode(p.spec());
            lengths.add(code.length());
            assertThat(code).startsWith("1.").matches("1\\.[A-Za-z0-9_-]+");
            Map<String, Object> back = service.open(code).minimal();
            assertThat(compiler.canonical(back)).as(p.id()).isEqualTo(compiler.canonical(p.spec()));
            ExperimentResult a = ExperimentRunner.run(compiler.compile(p.spec()));
            ExperimentResult b = ExperimentRunner.run(compiler.compile(back));
            for (int i = 0; i < a.runs().size(); i++) {
                assertThat(b.runs().get(i).theta()).as(p.id()).isDeepEqualTo(a.runs().get(i).theta());
            }
            assertThat(code.length()).as(p.id()).isLessThan(700);
        }
        System.out.println("share code lengths of the presets: " + lengths.stream().sorted().toList());
    }

    @Test
    void typicalCodesAreShortAndDropDefaults() {
        Map<String, Object> spec = Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)),
                "runs", List.of(Map.of("start", List.of(-4, 2), "steps", 100,
                        "optimizer", Map.of("type", "sgd", "lr", 0.1, "momentum", 0.0))));
        Map<String, Object> min = service.compile(spec).minimal();
        assertThat(min.toString()).doesNotContain("momentum").doesNotContain("label").doesNotContain("steps");
        String code = service.shareCode(spec);
        System.out.println("typical code (" + code.length() + " chars): " + code);
        assertThat(code.length()).isLessThan(80);
        assertThat(compiler.canonical(codec.decode(code))).isEqualTo(compiler.canonical(spec));
    }

    @Test
    void badCodesGivePlainMessages() {
        String good = service.shareCode(PresetCatalog.standard().byId("s1-stability-edge").orElseThrow().spec());
        assertThatThrownBy(() -> codec.decode("")).isInstanceOf(ShareCodeException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode("hello")).hasMessageContaining("not a share code");
        assertThatThrownBy(() -> codec.decode("2" + good.substring(1))).hasMessageContaining("version '2'");
        assertThatThrownBy(() -> codec.decode("1.@@@")).hasMessageContaining("characters");
        assertThatThrownBy(() -> codec.decode(good.substring(0, good.length() / 2)))
                .isInstanceOf(ShareCodeException.class).hasMessageContaining("cut off");
        // tampered: flip characters in the middle
        char[] c = good.toCharArray();
        for (int i = 10; i < 16; i++) {
            c[i] = c[i] == 'A' ? 'B' : 'A';
        }
        assertThatThrownBy(() -> codec.decode(new String(c))).isInstanceOf(ShareCodeException.class);
        // valid compression, but not a valid spec
        assertThatThrownBy(() -> service.open(raw("{\"runs\":[{\"optimizer\":{\"type\":\"sgdd\"}}]}")))
                .isInstanceOf(ShareCodeException.class).hasMessageContaining("cannot run");
        assertThatThrownBy(() -> codec.decode(raw("[1,2,3]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> codec.decode(raw("{not json"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> service.shareCode(Map.of("runs", List.of()))).isInstanceOf(SpecException.class);
    }

    /** A link cut short (mail clients, chats) says so, whatever the length: never "characters that cannot appear". */
    @Test
    void everyTruncationOfACodeIsExplainedAsCutOff() {
        String good = service.shareCode(PresetCatalog.standard().byId("s9-adam-cycling-beta1").orElseThrow().spec());
        for (int n = 3; n < good.length(); n++) {
            String cut = good.substring(0, n);
            assertThatThrownBy(() -> codec.decode(cut)).as("cut to %d characters", cut.length())
                    .isInstanceOf(ShareCodeException.class).hasMessageContaining("cut off")
                    .hasMessageNotContaining("cannot appear");
        }
        assertThatThrownBy(() -> codec.decode(good.substring(0, good.length() - 1) + "*"))
                .hasMessageContaining("cannot appear");
    }

    @Test
    void inflatedSizeIsBounded() {
        // 10 MB of spaces compresses to a few kB: must be refused, not inflated
        String bomb = raw("{" + " ".repeat(10_000_000) + "}");
        assertThat(bomb.length()).isLessThan(ShareCodec.MAX_CODE_LENGTH);
        assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(ShareCodeException.class)
                .hasMessageContaining("256 KiB");
    }

    @Test
    void deeplyNestedCodesAreRefusedBeforeAnyWork() {
        // a 300-deep scaled chain: a couple of hundred characters, once ~20 s of server time
        String chain = "{\"type\":\"constant\"}";
        for (int i = 0; i < 300; i++) {
            chain = "{\"type\":\"scaled\",\"schedule\":" + chain + ",\"envelope\":{\"type\":\"constant\"}}";
        }
        String deep = raw("{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"optimizer\":{\"type\":\"sgd\"},"
                + "\"schedule\":" + chain + "}]}");
        assertThatThrownBy(() -> codec.decode(deep)).isInstanceOf(ShareCodeException.class)
                .hasMessageContaining("nested more than 32 levels deep");
        String nine = "{\"type\":\"constant\"}";
        for (int i = 0; i < 8; i++) {
            nine = "{\"type\":\"scaled\",\"schedule\":" + nine + ",\"envelope\":{\"type\":\"constant\"}}";
        }
        String nineDeep = raw("{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"optimizer\":{\"type\":\"sgd\"},"
                + "\"schedule\":" + nine + "}]}");
        // unpacking is fine; opening compiles, and the compiler refuses before building anything
        assertThatThrownBy(() -> service.open(nineDeep)).isInstanceOf(ShareCodeException.class)
                .hasMessageContaining("nested more than 8 deep");
    }

    static String raw(String json) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setDictionary(ShareCodec.dictionary());
        d.setInput(json.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return "1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
