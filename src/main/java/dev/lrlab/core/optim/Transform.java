package dev.lrlab.core.optim;

/**
 * One stage of an optimizer chain (in the spirit of optax's GradientTransformation), with its own
 * explicit state. A stage may rewrite the gradient in place (e.g. L2 weight decay), rewrite the
 * parameters (decoupled weight decay) or, as the last stage of a chain, turn the gradient into a
 * parameter update (SGD, Adam ...). Stages allocate nothing in {@link #apply}.
 */
public interface Transform {

    /** Same arguments as {@link Optimizer#step}. */
    void apply(double[] params, double[] grad, int step, double lr, double momentum);

    /**
     * {@link #apply} with the parameters read from {@code in} and written to {@code out} ({@code in}
     * unchanged). Default: copy, then apply in place.
     */
    default void applyInto(double[] in, double[] out, double[] grad, int step, double lr, double momentum) {
        System.arraycopy(in, 0, out, 0, in.length);
        apply(out, grad, step, lr, momentum);
    }

    /** Zeroes velocity / first-moment state, if the stage has any. */
    default void resetMomentum() {
    }

    /** A deep copy of the stage's state (null when stateless). */
    default Object save() {
        return null;
    }

    /** Restores a copy made by {@link #save()} (the copy stays usable for later restores). */
    default void restore(Object saved) {
    }
}
