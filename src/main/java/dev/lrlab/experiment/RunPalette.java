package dev.lrlab.experiment;

import java.util.List;

/** Distinct run colours, readable on light and dark backgrounds and over the contour ramp. */
public final class RunPalette {
    public static final List<String> COLORS = List.of("#ff5252", "#40c4ff", "#ffd740", "#69f0ae", "#e040fb", "#ff9100",
            "#ffffff", "#b2ff59");

    private RunPalette() {}

    public static String color(int i) {
        return COLORS.get(i % COLORS.size());
    }
}
