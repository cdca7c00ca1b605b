package dev.lrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.spec.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parallel writer of /api/simulate results gives exactly the text of the plain writer. */
class WriteResultTest {

    @Test
    void sameTextAsThePlainWriter() {
        try (ExperimentService s = new ExperimentService(Limits.DEFAULT, 2, 60_000)) {
            for (int runsCount : new int[]{1, 2, 5}) {
                List<Map<String, Object>> runs = new ArrayList<>();
                for (int i = 0; i < runsCount; i++) {
                    runs.add(Map.of("label", "Adam η " + i, "steps", 300 + 50 * i,
                            "optimizer", Map.of("type", "adam", "lr", 0.01 * (i + 1))));
                }
                ExperimentResult r = s.simulate(Map.of("landscape", Map.of("type", "rosenbrock"), "runs", runs));
                assertEquals(s.write(r), s.writeResult(r));
            }
        }
    }
}
