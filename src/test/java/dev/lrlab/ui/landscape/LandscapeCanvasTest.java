package dev.lrlab.ui.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandscapeCanvasTest {

    private static final ObjectMapper STRICT = new ObjectMapper().configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, false);

    @Test
    void trajectoryBatchIsOneArrayOfPairsPerRun() throws Exception {
        String json = LandscapeCanvas.trajectoryJson(List.of(
                new double[][] {{-4, 2}, {-3.5, 1.5}},
                new double[0][],
                new double[][] {{1, 1}}));
        JsonNode n = STRICT.readTree(json);
        assertThat(n.size()).isEqualTo(3);
        assertThat(n.get(0).toString()).isEqualTo("[[-4.0,2.0],[-3.5,1.5]]");
        assertThat(n.get(1).size()).isZero();
        assertThat(n.get(2).toString()).isEqualTo("[[1.0,1.0]]");
    }

    @Test
    void nonFiniteCoordinatesBecomeNullAndKeepTheirStep() throws Exception {
        // the diverged point keeps its place (step index) in the run; the browser skips drawing it
        String json = LandscapeCanvas.trajectoryJson(Arrays.asList(
                new double[][] {{1e300, 2}, {Double.POSITIVE_INFINITY, Double.NaN}}, null));
        JsonNode n = STRICT.readTree(json);
        assertThat(n.get(0).toString()).isEqualTo("[[1.0E300,2.0],[null,null]]");
        assertThat(n.get(1).size()).isZero();
    }

    @Test
    void anEmptyBatchSendsNothing() {
        assertThat(LandscapeCanvas.trajectoryJson(List.of(new double[0][], new double[0][]))).isNull();
    }

    @Test
    void defaultLabelsAreComplete() {
        LandscapeCanvas.Labels l = LandscapeCanvas.Labels.english();
        for (String s : List.of(l.x(), l.y(), l.x1d(), l.y1d(), l.value(), l.zoomIn(), l.zoomOut(), l.resetView(), l.downloadPng())) {
            assertThat(s).isNotBlank();
        }
    }

    @Test
    void theSameFieldIsSentOnceUntilAnotherOneOrADetach() {
        com.vaadin.flow.component.UI ui = new com.vaadin.flow.component.UI();
        com.vaadin.flow.server.VaadinSession session = org.mockito.Mockito.mock(com.vaadin.flow.server.VaadinSession.class);
        org.mockito.Mockito.when(session.hasLock()).thenReturn(true);
        ui.getInternals().setSession(session);
        LandscapeCanvas canvas = new LandscapeCanvas();
        ui.add(canvas);
        LandscapeField bowl = LandscapeField.sample((x, y) -> x * x + y * y, -1, 1, -1, 1, 11, 11, null, List.of());
        LandscapeField other = LandscapeField.sample((x, y) -> x * x + 2 * y * y, -1, 1, -1, 1, 11, 11, null, List.of());
        canvas.setField(bowl);
        canvas.setField(bowl); // a push that changed only η
        assertThat(setFieldCalls(ui)).isEqualTo(1);
        canvas.setField(other);
        canvas.setField(bowl);
        assertThat(setFieldCalls(ui)).isEqualTo(2);
        ui.remove(canvas);
        ui.add(canvas);
        canvas.setField(bowl); // a re-attached element has no field yet
        assertThat(setFieldCalls(ui)).isEqualTo(1);
    }

    private static long setFieldCalls(com.vaadin.flow.component.UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse(); // as before a response
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(i -> i.getInvocation().getExpression().contains("setField")
                        || i.getInvocation().getParameters().contains("setField")).count();
    }
}
