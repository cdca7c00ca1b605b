package dev.lrlab.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleFormulaTest {

    @Test
    void cosineIsTheLessonFormula() {
        CosineSchedule s = new CosineSchedule(0.1, 50, 0.001);
        for (int t : new int[] {0, 1, 10, 25, 49, 50}) {
            double want = 0.001 + 0.5 * (0.1 - 0.001) * (1 + Math.cos(Math.PI * t / 50));
            assertEquals(want, s.lr(t), 1e-15);
        }
        assertEquals(0.1, s.lr(0), 1e-15);
        assertEquals(0.001, s.lr(50), 1e-15);
        assertEquals(s.lr(40), s.lr(60), 1e-15); // periodic past T, as PyTorch's step()
    }

    @Test
    void stepAndExponentialDecay() {
        StepSchedule s = new StepSchedule(1.0, 10, 0.5);
        assertEquals(1.0, s.lr(9));
        assertEquals(0.5, s.lr(10));
        assertEquals(0.25, s.lr(29));
        ExpDecaySchedule e = new ExpDecaySchedule(0.2, 0.01);
        for (int t : new int[] {0, 7, 100}) {
            assertEquals(0.2 * Math.exp(-0.01 * t), e.lr(t), 1e-16);
        }
        assertEquals(0.2 * Math.pow(0.9, 5), new ExponentialSchedule(0.2, 0.9).lr(5), 1e-16);
        assertEquals(0.1 / 11, new InverseTimeSchedule(0.1, 1).lr(10), 1e-16);
    }

    @Test
    void warmRestartsDoubleTheirCycle() {
        WarmRestartsSchedule s = new WarmRestartsSchedule(0.1, 10, 2, 0);
        assertFalse(s.restartsAt(0));
        for (int t = 1; t < 100; t++) {
            boolean expected = t == 10 || t == 30 || t == 70;
            assertEquals(expected, s.restartsAt(t), "t=" + t);
        }
        assertEquals(0.1, s.lr(30), 1e-16);
        assertEquals(0.05, s.lr(50), 1e-15); // middle of the third cycle [30, 70)
    }

    @Test
    void sequentialRestartsChildrenAtMilestones() {
        SequentialSchedule s = new SequentialSchedule(
                List.of(new LinearSchedule(0.1, 0.1, 1, 10), new CosineSchedule(0.1, 90, 0)), new int[] {10});
        assertEquals(0.01, s.lr(0), 1e-16);
        assertEquals(0.1, s.lr(10), 1e-16);
        assertTrue(s.restartsAt(10));
        assertEquals(new CosineSchedule(0.1, 90, 0).lr(45), s.lr(55), 0);
    }

    @Test
    void scaledAndCurvature() {
        ScaledSchedule s = new ScaledSchedule(new WarmRestartsSchedule(0.1, 10, 1, 0), new InverseTimeSchedule(0.1, 0.1), 0.1);
        assertEquals(new WarmRestartsSchedule(0.1, 10, 1, 0).lr(13) / (1 + 1.3), s.lr(13), 1e-16);
        assertTrue(s.restartsAt(20));
        assertThrows(UnsupportedOperationException.class, () -> new CurvatureSchedule(0.9, 20).lr(0));
    }
}
