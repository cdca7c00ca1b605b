package dev.lrlab.ui.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandscapeFieldTest {

    /** Strict JSON: NaN / Infinity tokens are rejected, as JSON.parse in the browser does. */
    private static final ObjectMapper STRICT = new ObjectMapper().configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, false);

    static double rosenbrock(double x, double y) {
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    private static JsonNode sent(LandscapeField f) throws Exception {
        return STRICT.readTree(LandscapeCanvas.write(f.json()));
    }

    @Test
    void gridIsRowMajorWithRowZeroAtTheBottom() throws Exception {
        // f(x, y) = 10·y + x on x ∈ {0, 1, 2}, y ∈ {0, 1}: row j holds y = j
        LandscapeField f = LandscapeField.sample((x, y) -> 10 * y + x, 0, 2, 0, 1, 3, 2, false,
                List.of(new LandscapeField.Minimum(0, 0, "min")));
        JsonNode json = sent(f);
        assertThat(json.get("mode").asText()).isEqualTo("2d");
        assertThat(json.get("nx").asInt()).isEqualTo(3);
        assertThat(json.get("ny").asInt()).isEqualTo(2);
        assertThat(json.get("x0").asDouble()).isEqualTo(0);
        assertThat(json.get("y1").asDouble()).isEqualTo(1);
        assertThat(STRICT.convertValue(json.get("values"), double[].class)).containsExactly(0, 1, 2, 10, 11, 12);
        assertThat(json.get("logScale").asBoolean()).isFalse();
        assertThat(json.get("minima").get(0).get("label").asText()).isEqualTo("min");
    }

    @Test
    void nonFiniteValuesAreClampedSoTheJsonStaysValid() throws Exception {
        double[] values = {1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 5, -2};
        JsonNode json = sent(LandscapeField.grid(0, 1, 0, 1, 3, 2, values, false, List.of()));
        // NaN and +∞ → the largest finite value, −∞ → the smallest
        assertThat(STRICT.convertValue(json.get("values"), double[].class)).containsExactly(1, 5, 5, -2, 5, -2);
        assertThat(values[1]).isNaN(); // the caller's array is not modified
    }

    @Test
    void aGridWithoutAnyFiniteValueStillSerialises() throws Exception {
        double[] values = {Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, Double.NaN};
        JsonNode json = sent(LandscapeField.grid(0, 1, 0, 1, 2, 2, values, true, null));
        assertThat(STRICT.convertValue(json.get("values"), double[].class)).containsOnly(0);
    }

    @Test
    void overflowingLandscapeSerialisesAsFiniteNumbers() throws Exception {
        // exp overflows to +∞ in a corner of the box: still a valid, drawable field
        LandscapeField f = LandscapeField.sample((x, y) -> Math.exp(x * x * 200) + y, -2, 2, -1, 1, 41, 21, null, List.of());
        for (JsonNode v : sent(f).get("values")) {
            assertThat(Double.isFinite(v.asDouble())).isTrue();
        }
    }

    @Test
    void rosenbrockNeedsLogScaleQuadraticsDoNot() {
        double[] rosen = LandscapeField.sampleGrid(LandscapeFieldTest::rosenbrock, -2, 2, -1, 3, 120, 90);
        double min = java.util.Arrays.stream(rosen).min().orElseThrow();
        double max = java.util.Arrays.stream(rosen).max().orElseThrow();
        assertThat(min).isLessThan(1e-2);
        assertThat(max).isGreaterThan(1e3); // spans 1e-3 … 1e4
        assertThat(LandscapeField.recommendLogScale(rosen)).isTrue();

        double[] quad = LandscapeField.sampleGrid((x, y) -> 0.5 * (x * x + 10 * y * y), -5, 5, -3, 3, 60, 40);
        assertThat(LandscapeField.recommendLogScale(quad)).isFalse();
        double[] doubleWell = LandscapeField.sampleGrid((x, y) -> Math.pow(x * x - 1, 2) + y * y, -2, 2, -2, 2, 60, 60);
        assertThat(LandscapeField.recommendLogScale(doubleWell)).isFalse();

        // sample(..., null, ...) decides by itself
        assertThat(LandscapeField.sample(LandscapeFieldTest::rosenbrock, -2, 2, -1, 3, 60, 60, null, List.of())
                .toJson().get("logScale").asBoolean()).isTrue();
    }

    @Test
    void curveSerialisesXsAndYs() throws Exception {
        JsonNode json = sent(LandscapeField.sampleCurve(x -> x * x, -1, 1, 3, List.of(new LandscapeField.Minimum(0, 0, "θ*"))));
        assertThat(json.get("mode").asText()).isEqualTo("1d");
        assertThat(STRICT.convertValue(json.get("xs"), double[].class)).containsExactly(-1, 0, 1);
        assertThat(STRICT.convertValue(json.get("ys"), double[].class)).containsExactly(1, 0, 1);
        assertThat(json.get("minima").get(0).get("label").asText()).isEqualTo("θ*");
    }

    @Test
    void rejectsMalformedGrids() {
        assertThatThrownBy(() -> LandscapeField.grid(0, 1, 0, 1, 3, 3, new double[8], false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> LandscapeField.grid(1, 0, 0, 1, 2, 2, new double[4], false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LandscapeField.grid(0, 1, 0, Double.NaN, 2, 2, new double[4], false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LandscapeField.grid(0, 1, 0, 1, 1, 4, new double[4], false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
