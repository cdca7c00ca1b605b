package dev.lrlab.ui.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.RunResult;
import java.util.Locale;

/** Downloads of a finished experiment: the full result as JSON, the trajectories as CSV. */
final class ResultExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultExport() {}

    static byte[] json(ExperimentResult result) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row per recorded state per run: run,label,step,theta_0..,loss,lr,gradNorm,updateNorm. */
    static String csv(ExperimentResult result) {
        int dim = 0;
        for (RunResult r : result.runs()) {
            dim = Math.max(dim, r.recordedDim());
        }
        StringBuilder sb = new StringBuilder("run,label,step");
        for (int d = 0; d < dim; d++) {
            sb.append(",theta_").append(d);
        }
        sb.append(",loss,lr,gradNorm,updateNorm\n");
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            for (int i = 0; i < run.steps().length; i++) {
                sb.append(r).append(',').append(quote(run.label())).append(',').append(run.steps()[i]);
                for (int d = 0; d < dim; d++) {
                    sb.append(',');
                    if (d < run.theta()[i].length) {
                        sb.append(num(run.theta()[i][d]));
                    }
                }
                sb.append(',').append(num(run.loss()[i]));
                sb.append(',').append(i < run.lr().length ? num(run.lr()[i]) : "");
                sb.append(',').append(i < run.gradNorm().length ? num(run.gradNorm()[i]) : "");
                sb.append(',').append(i < run.updateNorm().length ? num(run.updateNorm()[i]) : "");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? Double.toString(d).toLowerCase(Locale.ROOT) : "";
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
