package dev.lrlab.live;

import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.core.work.WorkGuard;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A landscape whose every gradient burns {@code millis} of CPU, as a curvature schedule's power
 * iterations or a big data set's gradient would: in a loop that never checks its
 * {@link WorkGuard} (like today's engine) or one that does (like the engine once its expensive
 * loops check). Values are the wrapped landscape's.
 */
final class SlowLandscape implements Landscape {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final Landscape inner;
    private final long millis;
    private final boolean checksGuard;

    private SlowLandscape(Landscape inner, long millis, boolean checksGuard) {
        this.inner = inner;
        this.millis = millis;
        this.checksGuard = checksGuard;
    }

    /** {@code base} with each gradient taking {@code millis}; built lazily so opening the session is quick. */
    static CompiledExperiment of(CompiledExperiment base, long millis, boolean checksGuard) {
        return new CompiledExperiment(new SlowLandscape(base.landscape(), millis, checksGuard), base.runs(),
                base.canonicalSpec());
    }

    private boolean opening = true;

    private void spend() {
        if (opening) {
            opening = false; // the simulator's first gradient, at open on the test thread: free
            return;
        }
        // CPU time, not the wall clock: on a busy machine the step costs the same work
        long end = CPU.getCurrentThreadCpuTime() + millis * 1_000_000;
        double sink = 0;
        while (CPU.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                sink += Math.sqrt(i + sink);
            }
            if (checksGuard) {
                WorkGuard.check();
            }
        }
        if (sink == -1) {
            throw new AssertionError();
        }
    }

    @Override
    public int dim() {
        return inner.dim();
    }

    @Override
    public String displayName() {
        return "slow " + inner.displayName();
    }

    @Override
    public double value(double[] x) {
        return inner.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        spend();
        return inner.valueAndGradient(x, g);
    }

    @Override
    public List<Minimum> minima() {
        return inner.minima();
    }

    @Override
    public ViewBox viewBox() {
        return inner.viewBox();
    }

    @Override
    public double[] defaultStart() {
        return inner.defaultStart();
    }
}
