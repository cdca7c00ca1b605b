package dev.lrlab.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app on a random port in production mode, one Chromium for the class, a fresh page per test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() throws Exception {
        Browser.requireChromium();
        Files.createDirectories(SCREENSHOTS);
        playwright = Browser.createPlaywright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** Another browser context (another person: own cookies and localStorage); the test closes it. */
    BrowserContext newContext(NewContextOptions options) {
        return browser.newContext(options);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** One element, scrolled into view (the app scrolls inside its layout, not the page). */
    void screenshotOf(String selector, String name) {
        page.locator(selector).screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /**
     * The whole page at the viewport's width: the app scrolls inside its layout, so a full-page
     * screenshot is only the viewport; a viewport as tall as the content shows all of it.
     */
    void screenshotAll(String name) {
        com.microsoft.playwright.options.ViewportSize was = page.viewportSize();
        int h = ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                + ".map(e => e.scrollHeight))")).intValue();
        page.setViewportSize(was.width, Math.min(h + 80, 12_000));
        page.waitForTimeout(800); // charts re-measure after the resize; only the picture depends on it
        screenshot(name);
        // and in viewport-sized pieces, readable at their real size
        int tall = page.viewportSize().height;
        for (int y = 0, i = 1; y < tall; y += was.height, i++) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + i + ".png"))
                    .setClip(0, y, was.width, Math.min(was.height, tall - y)));
        }
        page.setViewportSize(was.width, was.height);
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
