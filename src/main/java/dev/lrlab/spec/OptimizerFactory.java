// temporary stand-in, replaced by branch optim
package dev.lrlab.spec;

import dev.lrlab.core.optim.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Temporary stand-in: only plain SGD (with optional heavy-ball momentum). */
public final class OptimizerFactory {
    public static final List<String> TYPES = List.of("sgd");

    private OptimizerFactory() {
    }

    public static Optimizer create(Params p, int dim) {
        Map<String, Object> m = withDefaults(p);
        return new Sgd(dim, ((Number) m.get("momentum")).doubleValue());
    }

    public static double lr(Params p) {
        return p.number("lr", 0.01, 0, 1e6);
    }

    public static Map<String, Object> withDefaults(Params p) {
        if (p == null) {
            p = Params.root(Map.of());
        }
        p.allowOnly("type", "lr", "momentum");
        p.choice("type", "sgd", TYPES);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "sgd");
        m.put("lr", lr(p));
        m.put("momentum", p.number("momentum", 0, 0, 1));
        return m;
    }

    private static final class Sgd implements Optimizer {
        private final double[] buf;
        private final double mu;

        Sgd(int dim, double mu) {
            this.buf = new double[dim];
            this.mu = mu;
        }

        @Override
        public void step(double[] params, double[] grad, int step, double lr, double momentum) {
            double m = Double.isNaN(momentum) ? mu : momentum;
            for (int i = 0; i < params.length; i++) {
                double d = grad[i];
                if (m != 0) {
                    buf[i] = step == 1 ? d : m * buf[i] + d;
                    d = buf[i];
                }
                params[i] -= lr * d;
            }
        }

        @Override
        public void resetMomentum() {
            java.util.Arrays.fill(buf, 0);
        }

        @Override
        public Object saveState() {
            return buf.clone();
        }

        @Override
        public void restoreState(Object saved) {
            System.arraycopy((double[]) saved, 0, buf, 0, buf.length);
        }
    }
}
