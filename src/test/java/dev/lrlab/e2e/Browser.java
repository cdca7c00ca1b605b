package dev.lrlab.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright. Without Chromium the browser tests are skipped with one
 * loud line, except on CI or with -De2e.required=true, where that is a failure.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Browser() {}

    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String why = "BROWSER TESTS SKIPPED: no Chromium at " + CHROMIUM
                + " - install it with `sudo apt-get install chromium chromium-driver` (Debian) to run them.";
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("e2e.required");
        if (required) {
            Assertions.fail(why.replace("SKIPPED", "REQUIRED") + " (CI=true or -De2e.required=true)");
        }
        System.err.println("\n*** " + why + " ***\n");
        Assumptions.abort(why);
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    static Playwright createPlaywright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
}
