package dev.lrlab.core.optim;

/** precision "float16": the gradient seen by the update rule is rounded to binary16 (S15). */
public final class RoundGradToHalf implements Transform {
    @Override
    public void apply(double[] params, double[] grad, int step, double lr, double momentum) {
        Half.roundInPlace(grad);
    }
}
