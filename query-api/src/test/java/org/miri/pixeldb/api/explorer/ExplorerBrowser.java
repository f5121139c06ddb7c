package org.miri.pixeldb.api.explorer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Chromium driven by Playwright. Playwright's own browsers cannot be downloaded on these machines, so this uses
 * the system's Chromium (Debian's package; .ci/run installs it where it can) through the executable path, or the one
 * named by PIXELDB_CHROMIUM; tests skip, saying why, where there is none.
 */
final class ExplorerBrowser implements AutoCloseable {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Playwright playwright;
    private final Browser browser;

    private ExplorerBrowser(Path executable) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true));
    }

    /** The browser, or the test is skipped with the reason. */
    static ExplorerBrowser start() {
        Optional<Path> chromium = find();
        assumeTrue(chromium.isPresent(), "no Chromium on this machine (install Debian's chromium or set"
                + " PIXELDB_CHROMIUM): skipping the explorer's browser tests");
        return new ExplorerBrowser(chromium.get());
    }

    private static Optional<Path> find() {
        String named = System.getenv("PIXELDB_CHROMIUM");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name))).filter(Files::isExecutable).findFirst();
    }

    Page page() {
        return browser.newPage(new Browser.NewPageOptions().setViewportSize(1300, 900));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
