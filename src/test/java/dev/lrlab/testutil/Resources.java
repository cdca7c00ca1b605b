package dev.lrlab.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads text fixtures from the test classpath. */
public final class Resources {
    private Resources() {
    }

    /** Non-empty lines that do not start with '#'. */
    public static List<String> lines(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file without its header line, split on commas (no quoting needed by our fixtures). */
    public static List<String[]> csv(String name) {
        List<String> lines = lines(name);
        List<String[]> out = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            out.add(lines.get(k).split(","));
        }
        return out;
    }

    /** Parses Python's float repr, including nan/inf. */
    public static double number(String s) {
        switch (s) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }
}
