package io.airlines.web;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Page tests in the system's headless Chromium, one browser per test class, a fresh context (no
 * cookies) per test. Every page a test opens must log no JavaScript error: checked after each test.
 */
public abstract class BrowserTest extends IntegrationTest {

    public static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader");

    private static Playwright playwright;
    protected static Browser browser;

    protected BrowserContext context;
    protected final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    public static Path chromium() {
        return Paths.get(System.getenv().getOrDefault("AIRLINES_CHROMIUM", "/usr/bin/chromium"));
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800));
    }

    @AfterEach
    void noJavaScriptErrors() {
        context.close();
        assertThat(consoleErrors).as("JavaScript errors on the page").isEmpty();
    }


    /** A page of this test's context that records console errors and uncaught exceptions. */
    protected Page open(String path) {
        return open(context, path);
    }

    protected Page open(BrowserContext in, String path) {
        Page page = in.newPage();
        page.onConsoleMessage(m -> {
            // A page answered 400 for a bad query is logged as a failed load of the document itself: not a script error.
            boolean documentStatus = m.text().startsWith("Failed to load resource") && m.location().startsWith(page.url());
            if ("error".equals(m.type()) && !documentStatus) {
                consoleErrors.add(m.text() + " @ " + m.location());
            }
        });
        page.onPageError(e -> consoleErrors.add("uncaught: " + e));
        page.navigate(url(path));
        return page;
    }

    protected BrowserContext contextFor(String acceptLanguage, int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(acceptLanguage)
                .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)).setViewportSize(width, height));
    }

    /** The batch feature loads its demo timetable in the background at start: pages need it loaded. */
    protected void awaitDemoTimetable() {
        await().atMost(Duration.ofMinutes(3)).until(() ->
                Http.get(url("/api/v1/etl/runs")).body().contains("\"job\":\"demo-timetable\",\"started_at\""));
        await().atMost(Duration.ofMinutes(3)).until(() -> !Http.get(url("/api/v1/etl/runs")).body().contains("running"));
    }

    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
    }
}
