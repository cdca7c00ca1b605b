package dev.lrlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String WORKED = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},"
            + "\"runs\":[{\"label\":\"SGD, η=0.1\",\"start\":[2],\"steps\":4,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";

    record Out(int code, String out, String err) {
    }

    static Out cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void simulateCsvFromStdin() {
        Out o = cli(WORKED, "simulate", "-", "--format", "csv");
        assertThat(o.code()).isZero();
        String[] lines = o.out().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("run,label,step,theta_0,loss,lr,gradNorm,updateNorm");
        assertThat(lines[1]).startsWith("0,\"SGD, η=0.1\",0,2.0,4.0,0.1,4.0,0.39999");
        String[] row4 = o.out().split("\n")[5].split(",");
        // last state row: θ = 0.8192, no update leaves it → empty lr, gradNorm, updateNorm
        assertThat(Double.parseDouble(row4[4])).isCloseTo(0.8192, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(o.out().split("\n")[5]).endsWith(",,,");
        assertThat(Double.parseDouble(o.out().split("\n")[2].split(",")[4])).isCloseTo(1.6,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void simulateJsonToFile(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, WORKED);
        Path out = dir.resolve("out.json");
        Out o = cli("", "simulate", spec.toString(), "--out", out.toString());
        assertThat(o.code()).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toFile());
        assertThat(r.at("/runs/0/theta/4/0").asDouble()).isCloseTo(0.8192, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(cli("", "simulate", "preset:s1-stability-edge", "--format", "csv").code()).isZero();
    }

    @Test
    void errorsExitWith2AndTheApiErrorFormat() throws Exception {
        Out o = cli("{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}]}",
                "simulate", "-");
        assertThat(o.code()).isEqualTo(2);
        JsonNode e = new ObjectMapper().readTree(o.err());
        assertThat(e.get("field").asText()).isEqualTo("runs[0].optimizer.beta1");
        Out bad = cli("{\"landscape\":", "simulate", "-");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("malformed JSON");
        assertThat(cli("", "simulate", "-", "--format", "xml").err()).contains("\"allowed\":[\"json\",\"csv\"]");
        assertThat(cli("", "simulate", "/no/such/file.json").code()).isEqualTo(2);
    }

    @Test
    void presetsShareAndUnshare() {
        Out list = cli("", "presets");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("s1-stability-edge\tS1\t");
        Out share = cli(WORKED, "share", "-");
        assertThat(share.code()).isZero();
        String code = share.out().trim();
        assertThat(code).startsWith("1.");
        Out back = cli("", "unshare", code);
        assertThat(back.code()).isZero();
        assertThat(back.out()).contains("\"eigenvalues\"");
        assertThat(cli("", "unshare", "1.garbage!").code()).isEqualTo(2);
        assertThat(Cli.handles(new String[]{"simulate"})).isTrue();
        assertThat(Cli.handles(new String[]{"--server.port=0"})).isFalse();
    }
}
