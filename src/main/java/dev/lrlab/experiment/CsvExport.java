package dev.lrlab.experiment;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;

/**
 * A result as CSV, one row per recorded state per run:
 * {@code run,label,step,theta_0..theta_{d-1},loss,lr,gradNorm,updateNorm}. lr, gradNorm and
 * updateNorm belong to the update leaving that state, so they are empty on a run's last row.
 * Non-finite numbers cannot occur in results; as a safety net they are written as empty cells.
 * Labels are user text: written by {@link CsvCells#text} (quoted, never a formula).
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String csv(ExperimentResult result) {
        int d = 0;
        for (RunResult r : result.runs()) {
            d = Math.max(d, r.recordedDim());
        }
        StringBuilder sb = new StringBuilder("run,label,step");
        for (int k = 0; k < d; k++) {
            sb.append(",theta_").append(k);
        }
        sb.append(",loss,lr,gradNorm,updateNorm\n");
        for (int ri = 0; ri < result.runs().size(); ri++) {
            RunResult r = result.runs().get(ri);
            String label = CsvCells.text(r.label());
            for (int i = 0; i < r.steps().length; i++) {
                sb.append(ri).append(',').append(label).append(',').append(r.steps()[i]);
                double[] th = r.theta()[i];
                for (int k = 0; k < d; k++) {
                    sb.append(',');
                    if (k < th.length) {
                        num(sb, th[k]);
                    }
                }
                sb.append(',');
                num(sb, r.loss()[i]);
                for (double[] col : new double[][]{r.lr(), r.gradNorm(), r.updateNorm()}) {
                    sb.append(',');
                    if (i < col.length) {
                        num(sb, col[i]);
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void num(StringBuilder sb, double v) {
        if (Double.isFinite(v)) {
            sb.append(v);
        }
    }
}
