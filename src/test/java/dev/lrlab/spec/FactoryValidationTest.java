package dev.lrlab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.testutil.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactoryValidationTest {

    static Params opt(String json) {
        return new Params(MiniJson.object(json), "runs[0].optimizer");
    }

    static Params sched(String json) {
        return new Params(MiniJson.object(json), "runs[0].schedule");
    }

    @Test
    void unknownFieldListsAllowed() {
        SpecException e = assertThrows(SpecException.class, () -> OptimizerFactory.create(opt("{\"type\":\"adam\",\"beta\":0.9}"), 2));
        assertEquals("runs[0].optimizer.beta", e.field());
        assertTrue(e.allowed().containsAll(List.of("lr", "beta1", "beta2", "eps", "weightDecay", "amsgrad", "epsPlacement", "precision")));
        SpecException t = assertThrows(SpecException.class, () -> OptimizerFactory.create(opt("{\"type\":\"adamm\"}"), 2));
        assertEquals("runs[0].optimizer.type", t.field());
        assertEquals(OptimizerFactory.TYPES, t.allowed());
        SpecException s = assertThrows(SpecException.class,
                () -> ScheduleFactory.create(sched("{\"type\":\"cosine\",\"tmax\":10}"), opt("{\"type\":\"sgd\"}"), 100));
        assertEquals("runs[0].schedule.tmax", s.field());
        assertTrue(s.allowed().contains("tMax"));
    }

    @Test
    void rangesCarryFieldPaths() {
        assertField("runs[0].optimizer.beta1", () -> OptimizerFactory.create(opt("{\"type\":\"adam\",\"beta1\":1.0}"), 2));
        assertField("runs[0].optimizer.lr", () -> OptimizerFactory.create(opt("{\"type\":\"sgd\",\"lr\":-1}"), 2));
        assertField("runs[0].optimizer.eps", () -> OptimizerFactory.create(opt("{\"type\":\"rmsprop\",\"eps\":-1e-8}"), 2));
        assertField("runs[0].optimizer.nesterov", () -> OptimizerFactory.create(opt("{\"type\":\"sgd\",\"nesterov\":true}"), 2));
        assertField("runs[0].optimizer.nesterov",
                () -> OptimizerFactory.create(opt("{\"type\":\"sgd\",\"nesterov\":true,\"momentum\":0.9,\"dampening\":0.1}"), 2));
        assertField("runs[0].optimizer.epsPlacement", () -> OptimizerFactory.create(opt("{\"type\":\"adamax\",\"epsPlacement\":\"inside\"}"), 2));
        assertField("runs[0].optimizer.precision", () -> OptimizerFactory.create(opt("{\"type\":\"sgd\",\"precision\":\"bf16\"}"), 2));
        Params sgd = opt("{\"type\":\"sgd\"}");
        assertField("runs[0].schedule.stepSize", () -> ScheduleFactory.create(sched("{\"type\":\"step\",\"stepSize\":0}"), sgd, 10));
        assertField("runs[0].schedule.stepSize", () -> ScheduleFactory.create(sched("{\"type\":\"step\"}"), sgd, 10));
        assertField("runs[0].schedule.totalSteps",
                () -> ScheduleFactory.create(sched("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":50}"), sgd, 100));
        assertField("runs[0].schedule.milestones",
                () -> ScheduleFactory.create(sched("{\"type\":\"sequential\",\"schedules\":[{\"type\":\"constant\"}],\"milestones\":[5]}"), sgd, 10));
        assertField("runs[0].schedule.schedules[1].type",
                () -> ScheduleFactory.create(sched("{\"type\":\"sequential\",\"schedules\":[{\"type\":\"constant\"},{\"type\":\"curvature\"}],\"milestones\":[5]}"), sgd, 10));
        assertField("runs[0].schedule.k",
                () -> ScheduleFactory.create(sched("{\"type\":\"exponential\",\"gamma\":0.9,\"k\":0.1}"), sgd, 10));
    }

    @Test
    void cycleMomentumNeedsMomentumOrBetas() {
        for (String type : List.of("adagrad", "adadelta")) {
            SpecException e = assertThrows(SpecException.class, () -> ScheduleFactory.create(
                    sched("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1}"), opt("{\"type\":\"" + type + "\"}"), 100));
            assertEquals("runs[0].schedule.cycleMomentum", e.field());
            assertTrue(e.getMessage().contains("false"));
            assertField("runs[0].schedule.schedules[0].cycleMomentum", () -> ScheduleFactory.create(
                    sched("{\"type\":\"sequential\",\"schedules\":[{\"type\":\"oneCycle\",\"maxLr\":0.1}],\"milestones\":[]}"),
                    opt("{\"type\":\"" + type + "\"}"), 100));
            ScheduleFactory.create(sched("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1,\"cycleMomentum\":false}"),
                    opt("{\"type\":\"" + type + "\"}"), 100);
        }
        // SGD without momentum still gets cycled momentum, as in PyTorch
        var s = ScheduleFactory.create(sched("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1,\"stepSizeUp\":10}"), opt("{\"type\":\"sgd\"}"), 100);
        assertEquals(0.9, s.momentum(0), 1e-15);
        assertEquals(0.8, s.momentum(10), 1e-15);
    }

    @Test
    void defaultsInDocumentationOrder() {
        Map<String, Object> d = OptimizerFactory.withDefaults(opt("{\"type\":\"adamw\"}"));
        assertEquals(List.of("type", "lr", "beta1", "beta2", "eps", "weightDecay", "amsgrad", "epsPlacement", "precision"),
                List.copyOf(d.keySet()));
        assertEquals(0.01, d.get("weightDecay"));
        assertEquals(0.002, OptimizerFactory.lr(opt("{\"type\":\"nadam\"}")));
        assertEquals(1e-3, OptimizerFactory.lr(opt("{\"type\":\"sgd\"}")));
        Map<String, Object> c = ScheduleFactory.withDefaults(sched("{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.1}"), opt("{\"type\":\"sgd\"}"), 100);
        assertEquals(List.of("type", "baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode", "gamma", "cycleMomentum", "baseMomentum", "maxMomentum"),
                List.copyOf(c.keySet()));
        assertEquals(2000, c.get("stepSizeDown"));
        Map<String, Object> o = ScheduleFactory.withDefaults(sched("{\"type\":\"oneCycle\",\"maxLr\":0.1}"), opt("{\"type\":\"adam\"}"), 123);
        assertEquals(123, o.get("totalSteps"));
        assertEquals(Map.of("type", "constant"), ScheduleFactory.withDefaults(null, opt("{\"type\":\"sgd\"}"), 10));
        assertEquals(0.25, ScheduleFactory.create(null, opt("{\"type\":\"sgd\",\"lr\":0.25}"), 10).lr(7));
        var cur = ScheduleFactory.create(sched("{\"type\":\"curvature\"}"), opt("{\"type\":\"sgd\"}"), 10);
        assertEquals(new CurvatureSchedule(0.9, 20), cur);
        Map<String, Object> sc = ScheduleFactory.withDefaults(sched(
                "{\"type\":\"scaled\",\"schedule\":{\"type\":\"cosineWarmRestarts\",\"t0\":10},\"envelope\":{\"type\":\"inverseTime\",\"k\":0.1}}"),
                opt("{\"type\":\"sgd\",\"lr\":0.1}"), 100);
        assertEquals(Map.of("type", "cosineWarmRestarts", "t0", 10, "tMult", 1, "etaMin", 0.0), sc.get("schedule"));
    }

    @Test
    void everyTypeBuildsWithDefaults() {
        for (String type : OptimizerFactory.TYPES) {
            OptimizerFactory.create(opt("{\"type\":\"" + type + "\"}"), 4);
        }
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable ex) {
        SpecException e = assertThrows(SpecException.class, ex);
        assertEquals(field, e.field(), e.getMessage());
    }
}
