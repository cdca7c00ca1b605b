package dev.lrlab.ui.playground;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.engine.Regime;
import dev.lrlab.experiment.GameRegime;
import dev.lrlab.experiment.RunPreview;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers that explain a run (S1, S3, S6): λmax, the stability edge 2/λmax, ηλmax, the
 * per-direction factors |1 − ηλi|, κ, the effective lr of momentum, a converging / oscillating /
 * unstable badge, and the values at the timeline's playhead.
 */
public class ReadoutPanel extends Div {

    private final Map<String, Span[]> cells = new LinkedHashMap<>();
    private final Span badge = new Span();
    private final Span note = new Span();

    public ReadoutPanel() {
        addClassName("lr-readouts");
        badge.setId("regime-badge");
        badge.getElement().getThemeList().add("badge");
        note.addClassName("lr-readout-note");
        Div grid = new Div();
        grid.addClassName("lr-readout-grid");
        for (String key : new String[]{"lambdaMax", "edge", "etaLambda", "factors", "kappa", "effectiveLr",
                "step", "loss", "lr", "grad"}) {
            Span label = new Span();
            label.addClassName("lr-readout-label");
            Span value = new Span("–");
            value.addClassName("lr-readout-value");
            value.setId("readout-" + key);
            Div cell = new Div(label, value);
            cell.addClassName("lr-readout");
            cells.put(key, new Span[]{label, value});
            grid.add(cell);
        }
        add(badge, note, grid);
    }

    public void relabel() {
        cells.forEach((k, v) -> v[0].setText(getTranslation("readout." + k)));
    }

    /** Shows the analysis of the selected run before (or while) it runs. */
    public void showPreview(RunPreview preview) {
        Analysis.Preview p = preview.analysis();
        boolean adaptive = preview.adaptive();
        // the Hessian is the same everywhere on a quadratic; otherwise the analysis is local to θ₀
        boolean quadratic = preview.quadratic();
        Double lmax = p.hessian() == null ? null : p.hessian().lambdaMax();
        set("lambdaMax", lmax);
        set("edge", lmax == null || lmax <= 0 ? null : 2 / lmax);
        set("etaLambda", p.lrTimesLambdaMax());
        set("kappa", p.hessian() == null ? null : p.hessian().conditionNumber());
        set("effectiveLr", p.effectiveLr());
        double[] f = p.contractionFactors();
        if (f == null) {
            cells.get("factors")[1].setText("–");
        } else {
            StringBuilder sb = new StringBuilder();
            int shown = Math.min(f.length, 4);
            for (int i = 0; i < shown; i++) {
                sb.append(i == 0 ? "" : ", ").append(fmt(f[i]));
            }
            if (f.length > shown) {
                sb.append(", …");
            }
            cells.get("factors")[1].setText(sb.toString());
        }
        badge.getElement().getThemeList().removeAll(java.util.List.of("success", "contrast", "error"));
        if (preview.game() != null) {
            // the minimisation's edge means nothing in a game: its cells stay empty, as the note says
            for (String k : new String[]{"lambdaMax", "edge", "etaLambda", "factors", "kappa"}) {
                cells.get(k)[1].setText("–");
            }
            showGame(preview.game());
            return;
        }
        if (adaptive || lmax == null || p.lrTimesLambdaMax() == null || lmax <= 0) {
            badge.setText(getTranslation(lmax != null && lmax <= 0 ? "regime.nonconvex" : "regime.adaptive"));
            badge.getElement().getThemeList().add("contrast");
            note.setText(getTranslation("regime.adaptive.note"));
            return;
        }
        double beta = p.momentum() == null ? 0 : p.momentum();
        Regime r = Regime.of(p.lrTimesLambdaMax(), beta);
        badge.setText(getTranslation("regime." + r.name().toLowerCase(Locale.ROOT)));
        badge.getElement().getThemeList().add(switch (r) {
            case CONVERGING -> "success";
            case OSCILLATING -> "contrast";
            case UNSTABLE -> "error";
        });
        String rule = getTranslation(beta > 0 ? "regime.note.momentum" : "regime.note.gd",
                fmt(Regime.edge(beta, 0, false)), fmt(p.lrTimesLambdaMax()));
        if (!quadratic) {
            rule = getTranslation("regime.note.local", rule);
        }
        // a schedule moves η, and ηλmax with it: say which η the verdict is for
        note.setText(preview.scheduled() ? rule + " " + getTranslation("regime.note.schedule", fmt(p.lr())) : rule);
    }

    /** A game: the badge is the verdict of gradient play, never the minimisation's edge ηλmax &lt; 2. */
    private void showGame(GameRegime g) {
        String kind = g.kind().name().toLowerCase(Locale.ROOT) + (g.spiral() ? ".spiral" : "");
        badge.setText(getTranslation("regime.game." + kind));
        badge.getElement().getThemeList().add(switch (g.kind()) {
            case CONVERGES -> "success";
            case CYCLES -> "contrast";
            case DIVERGES -> "error";
        });
        note.setText(getTranslation("regime.game.note", fmt(g.radius())));
    }

    /** Values at the playhead. */
    public void showStep(int step, Double loss, Double lr, Double grad) {
        cells.get("step")[1].setText(Integer.toString(step));
        set("loss", loss);
        set("lr", lr);
        set("grad", grad);
    }

    public void clearStep() {
        for (String k : new String[]{"step", "loss", "lr", "grad"}) {
            cells.get(k)[1].setText("–");
        }
    }

    private void set(String key, Double v) {
        cells.get(key)[1].setText(v == null || !Double.isFinite(v) ? "–" : fmt(v));
    }

    /** A readout's number: 4 significant digits, exponents beyond 1e-3 … 1e5 (public: tests read the page with it). */
    public static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e").replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
