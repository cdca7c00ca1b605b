package dev.lrlab.experiment;

import dev.lrlab.core.engine.Analysis;
import dev.lrlab.core.landscape.Landscape;

/**
 * Where a run ended, in the terms of S26/S27: the sharpness λmax of the Hessian at the last
 * finite state against the stability limit 2/η of its last learning rate (a large η cannot stay
 * in a minimum sharper than 2/η), and the end point's loss on the shifted test landscape.
 *
 * @param sharpness λmax at the end, or null when it cannot be computed (dimension too large)
 * @param edge      2/η of the last lr, or null when η = 0
 * @param testLoss  loss on the test landscape, or null when the landscape has none
 */
public record EndReadout(Double sharpness, Double edge, Double testLoss) {

    /** True when the end point is sharper than the last lr can hold (λmax &gt; 2/η). */
    public boolean beyondEdge() {
        return sharpness != null && edge != null && sharpness > edge;
    }

    /** Cheap for the 2-D and 1-D landscapes of the playground; larger ones use the dense eigen solver's limit. */
    public static EndReadout of(Landscape l, double[] end, double lastLr) {
        Analysis.Hessian h = Analysis.hessian(l, end);
        Landscape test = l.testLandscape();
        double t = test == null ? Double.NaN : test.value(end);
        Double testLoss = Double.isFinite(t) ? t : null;
        Double edge = lastLr > 0 && Double.isFinite(lastLr) ? 2 / lastLr : null;
        return new EndReadout(h.lambdaMax(), edge, testLoss);
    }
}
