package dev.lrlab.core.optim;

import java.util.List;

/** An optimizer made of stages applied in order; the last stage normally writes the parameters. */
public final class Chain implements Optimizer {
    private final Transform[] stages;

    public Chain(Transform... stages) {
        this.stages = stages.clone();
    }

    public List<Transform> stages() {
        return List.of(stages);
    }

    @Override
    public void step(double[] params, double[] grad, int step, double lr, double momentum) {
        for (Transform t : stages) {
            t.apply(params, grad, step, lr, momentum);
        }
    }

    /** The first stage reads {@code in} and writes {@code out}; the others then work on {@code out}. */
    @Override
    public void stepInto(double[] in, double[] out, double[] grad, int step, double lr, double momentum) {
        Transform[] s = stages;
        s[0].applyInto(in, out, grad, step, lr, momentum);
        for (int i = 1; i < s.length; i++) {
            s[i].apply(out, grad, step, lr, momentum);
        }
    }

    @Override
    public void resetMomentum() {
        for (Transform t : stages) {
            t.resetMomentum();
        }
    }

    @Override
    public Object saveState() {
        Object[] out = new Object[stages.length];
        for (int i = 0; i < stages.length; i++) {
            out[i] = stages[i].save();
        }
        return out;
    }

    @Override
    public void restoreState(Object saved) {
        Object[] in = (Object[]) saved;
        if (in.length != stages.length) {
            throw new IllegalArgumentException("state of a different optimizer");
        }
        for (int i = 0; i < stages.length; i++) {
            stages[i].restore(in[i]);
        }
    }
}
