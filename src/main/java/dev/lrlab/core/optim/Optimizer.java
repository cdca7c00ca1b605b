package dev.lrlab.core.optim;

/**
 * One run's optimizer with its state: a chain of gradient transforms (clip, weight decay, scale by
 * Adam, scale by learning rate ...). Implementations allocate nothing per step.
 */
public interface Optimizer {

    /**
     * Performs update number {@code step} (1-based, as PyTorch's state["step"] after increment).
     *
     * @param params   parameters, updated in place
     * @param grad     the raw gradient at {@code params}; may be overwritten (used as scratch)
     * @param lr       the learning rate for this update (the schedule's value)
     * @param momentum the schedule's momentum for this update (SGD momentum / RMSprop momentum /
     *                 Adam-family beta1) for cycling schedules, or NaN to keep the configured one
     */
    void step(double[] params, double[] grad, int step, double lr, double momentum);

    /**
     * {@link #step} out of place: the updated parameters go to {@code out} (same length, a different
     * array) and {@code in} is left unchanged. Same values as copying {@code in} to {@code out} and
     * stepping {@code out}, which is the default; saves the engine a copy of θ.
     */
    default void stepInto(double[] in, double[] out, double[] grad, int step, double lr, double momentum) {
        System.arraycopy(in, 0, out, 0, in.length);
        step(out, grad, step, lr, momentum);
    }

    /** Zeroes velocity / first-moment buffers (momentum reset at warm restarts, S8). */
    void resetMomentum();

    /** An opaque copy of all state, for roll-back (S17). */
    Object saveState();

    void restoreState(Object saved);
}
