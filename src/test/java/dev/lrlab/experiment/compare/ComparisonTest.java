package dev.lrlab.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import dev.lrlab.testutil.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 2, 20_000);

    @AfterAll
    static void close() {
        SERVICE.close();
    }

    static String game(String method) {
        return "{\"landscape\":{\"type\":\"bilinear\"},\"runs\":[{\"start\":[1,1],\"steps\":100,"
                + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"game\":{\"method\":\"" + method + "\"}}]}";
    }

    static Comparison compile(String... panels) {
        return Comparison.compile(SERVICE, MiniJson.object("{\"version\":1,\"panels\":[" + String.join(",", panels)
                + "]}"));
    }

    @Test
    void bilinearGameSimultaneousSpiralsOutExtragradientIn() {
        ComparisonResult r = compile(game("simultaneous"), game("extragradient")).simulate(SERVICE);
        // simultaneous: |z| grows by √(1+η²) per step; extragradient: shrinks by √(1−η²+η⁴)
        assertThat(r.metrics().get(0).distance()).isCloseTo(Math.sqrt(2) * Math.pow(1.01, 50), within(1e-9));
        assertThat(r.metrics().get(1).distance()).isCloseTo(Math.sqrt(2) * Math.pow(0.9901, 50), within(1e-9));
        assertThat(r.differences().get(0)).isEmpty();
        assertThat(r.differences().get(1)).extracting(SpecDiff.Difference::text)
                .containsExactly("runs[0].game.method: extragradient");
        List<BaselineDelta.Delta> d = r.deltas(0, 0).get(1);
        BaselineDelta.Delta dist = d.stream().filter(x -> x.metric().equals("distance")).findFirst().orElseThrow();
        assertThat(dist.verdict()).isEqualTo(BaselineDelta.Verdict.BETTER);
        // the payoff xy is no score: neither lower nor higher is better in a game
        assertThat(verdicts(d)).containsEntry("finalLoss", BaselineDelta.Verdict.NONE)
                .containsEntry("bestLoss", BaselineDelta.Verdict.NONE)
                .containsEntry("finalGradNorm", BaselineDelta.Verdict.BETTER);
        assertThat(dist.difference()).isCloseTo(Math.sqrt(2) * (Math.pow(0.9901, 50) - Math.pow(1.01, 50)),
                within(1e-9));
        assertThat(r.panels()).hasSize(2);
        assertThat(r.panels().get(1).runs().get(0).stepsDone()).isEqualTo(100);
    }

    static String quad(double lr, String extra) {
        return "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},\"runs\":[{\"label\":\"η " + lr
                + "\",\"start\":[2],\"steps\":50,\"optimizer\":{\"type\":\"sgd\",\"lr\":" + lr + "}" + extra + "}]}";
    }

    @Test
    void metricsAndDeltasOnAQuadratic() {
        ComparisonResult r = compile(quad(0.5, ""), quad(0.1, ",\"seed\":3")).simulate(SERVICE);
        RunMetrics jump = r.metrics().get(0);
        RunMetrics slow = r.metrics().get(1);
        // f = θ², η = 0.5 lands on 0 in one step; η = 0.1: f = 4·0.64^k ≤ 1e-6 first at k = 35
        assertThat(jump.stepsToTolerance()).isEqualTo(1);
        assertThat(jump.finalLoss()).isEqualTo(0.0);
        assertThat(jump.distance()).isEqualTo(0.0);
        assertThat(jump.finalGradNorm()).isEqualTo(0.0);
        assertThat(jump.lrSum()).isCloseTo(25, within(1e-12));
        assertThat(jump.lrSquaredSum()).isCloseTo(12.5, within(1e-12));
        assertThat(jump.sharpnessEnd()).isEqualTo(2.0);
        assertThat(jump.stableSharpness()).isEqualTo(4.0);
        assertThat(slow.stepsToTolerance()).isEqualTo(35);
        assertThat(slow.finalLoss()).isCloseTo(4 * Math.pow(0.64, 50), within(1e-20));
        assertThat(slow.finalGradNorm()).isCloseTo(4 * Math.pow(0.8, 50), within(1e-15));
        assertThat(slow.testLoss()).isNull();
        // the label differs (a name) but is not a difference; seed and lr are
        assertThat(r.differences().get(1)).extracting(SpecDiff.Difference::text)
                .containsExactly("runs[0].seed: 3", "runs[0].optimizer.lr: 0.1");
        Map<String, BaselineDelta.Verdict> v = verdicts(r.deltas(0, 0).get(1));
        assertThat(v).containsEntry("stepsToTolerance", BaselineDelta.Verdict.WORSE)
                .containsEntry("finalLoss", BaselineDelta.Verdict.WORSE)
                .containsEntry("divergedAtStep", BaselineDelta.Verdict.SAME)
                .containsEntry("lrSum", BaselineDelta.Verdict.NONE)
                .containsEntry("testLoss", BaselineDelta.Verdict.NONE);
        assertThat(verdicts(r.deltas(1, 0).get(0))).containsEntry("stepsToTolerance", BaselineDelta.Verdict.BETTER);
    }

    @Test
    void divergingIsWorseAndTypeChangeIsOneDifference() {
        String adam = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[2]},\"runs\":[{\"start\":[2],"
                + "\"steps\":50,\"optimizer\":{\"type\":\"adam\",\"lr\":0.1}}]}";
        ComparisonResult r = compile(quad(0.5, ""), quad(1.5, ""), adam).simulate(SERVICE);
        assertThat(r.metrics().get(1).status()).isEqualTo("diverged");
        assertThat(verdicts(r.deltas(0, 0).get(1))).containsEntry("divergedAtStep", BaselineDelta.Verdict.WORSE);
        assertThat(verdicts(r.deltas(1, 0).get(0))).containsEntry("divergedAtStep", BaselineDelta.Verdict.BETTER);
        assertThat(r.differences().get(2)).hasSize(1);
        assertThat(r.differences().get(2).get(0).path()).isEqualTo("runs[0].optimizer");
        assertThat(r.differences().get(2).get(0).text()).startsWith("runs[0].optimizer: {type: adam, lr: 0.1");
    }

    @Test
    void errorsNameThePanel() {
        assertThatThrownBy(() -> compile(quad(0.5, ""), "{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{"
                + "\"optimizer\":{\"type\":\"adam\",\"beta1\":1.5}}]}"))
                .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).field())
                .isEqualTo("panels[1].runs[0].optimizer.beta1");
        assertThatThrownBy(() -> compile(quad(0.5, ""))).isInstanceOf(SpecException.class)
                .extracting(e -> ((SpecException) e).field()).isEqualTo("panels");
        assertThatThrownBy(() -> Comparison.compile(SERVICE, MiniJson.object("{\"panels\":[],\"x\":1}")))
                .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).field()).isEqualTo("x");
    }

    static Map<String, BaselineDelta.Verdict> verdicts(List<BaselineDelta.Delta> ds) {
        Map<String, BaselineDelta.Verdict> m = new java.util.LinkedHashMap<>();
        ds.forEach(d -> m.put(d.metric(), d.verdict()));
        return m;
    }
}
