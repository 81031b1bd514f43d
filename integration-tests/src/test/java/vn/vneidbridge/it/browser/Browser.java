package vn.vneidbridge.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One citizen's browser during one journey. {@link #capture(String)} records the page as it is: a full-page
 * screenshot at desktop and at phone width, and an axe-core scan (WCAG 2.1 A and AA) at both widths, failing the
 * test on a serious or critical violation (all violations are printed and written beside the screenshots).
 */
public final class Browser implements AutoCloseable {

    public record Width(String name, int width, int height) {
    }

    public static final Width DESKTOP = new Width("desktop", 1280, 900);
    public static final Width PHONE = new Width("phone", 360, 780);
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private final String journey;
    private final WebDriver driver;
    private final boolean chromium;
    private final Path directory;
    private int pageNumber;
    private final List<String> report = new ArrayList<>();

    /** What else a browser's closing cleans up (a managed policy written for it). */
    @FunctionalInterface
    interface CleanUp {
        void run() throws IOException;
    }

    private final CleanUp cleanUp;

    Browser(String journey, WebDriver driver, boolean chromium, Path directory) {
        this(journey, driver, chromium, directory, () -> { });
    }

    Browser(String journey, WebDriver driver, boolean chromium, Path directory, CleanUp cleanUp) {
        this.cleanUp = cleanUp;
        this.journey = journey;
        this.driver = driver;
        this.chromium = chromium;
        this.directory = directory;
        if (chromium) {
            try {
                Files.createDirectories(directory);
                try (var old = Files.list(directory)) {
                    for (Path file : (Iterable<Path>) old::iterator) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public boolean isChromium() {
        return chromium;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !findAll(css).isEmpty();
    }

    /** Waits (up to 20 s) for an element of the next page. */
    public WebElement await(String css) {
        return awaitWhileNavigating(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Waits until one of the selectors is on the page; returns the first that is. */
    public String awaitAny(String... css) {
        return awaitWhileNavigating(d -> {
            for (String selector : css) {
                if (!d.findElements(By.cssSelector(selector)).isEmpty()) {
                    return selector;
                }
            }
            return null;
        });
    }

    /**
     * Polls {@code condition} for up to 20 s. A page whose script navigates (the operator pages send the browser to
     * the login page by script) can make Chromium abort a poll with "aborted by navigation" while the next page
     * loads; that poll counts as "not there yet", as a missing element does. Any other error still fails the wait.
     */
    private <T> T awaitWhileNavigating(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                String message = e.getMessage();
                if (message != null && message.contains("aborted by navigation")) {
                    return null;
                }
                throw e;
            }
        });
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public String text() {
        return find("body").getText();
    }

    /**
     * Screenshots of the current page at both widths and its accessibility scan; fails on a serious or critical
     * violation. Skipped (the journey goes on) when the browser is HtmlUnit.
     */
    public void capture(String page) {
        capture(page, List.of());
    }

    /**
     * {@link #capture(String)} for a page of the stand-in VNeID (sandbox only, theme vneid-sandbox on keycloak.v2):
     * keycloak.v2's read-only "attempted username" box has no label of its own (a Keycloak bug our theme dvc fixes
     * in its template; the stand-in keeps Keycloak's), so that one element is left out of the scan, and said so.
     */
    public void captureStandIn(String page) {
        capture(page, List.of("#kc-attempted-username"));
    }

    private void capture(String page, List<String> excluded) {
        pageNumber++;
        if (!chromium) {
            return;
        }
        String prefix = String.format("%02d-%s", pageNumber, page);
        List<String> failures = new ArrayList<>();
        for (Width width : List.of(DESKTOP, PHONE)) {
            emulate(width);
            screenshot(directory.resolve(prefix + "-" + width.name() + ".png"), width);
            failures.addAll(scan(prefix, width, excluded));
        }
        emulate(DESKTOP);
        assertThat(failures).as("serious or critical accessibility violations on " + journey + "/" + prefix).isEmpty();
    }

    /** The lines of the accessibility report so far (every violation of every captured page). */
    public List<String> report() {
        return List.copyOf(report);
    }

    private void emulate(Width width) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.width(),
                "height", width.height(), "deviceScaleFactor", 1, "mobile", width == PHONE));
    }

    private void screenshot(Path file, Width width) {
        ChromeDriver chrome = (ChromeDriver) driver;
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        Number scrollHeight = (Number) ((JavascriptExecutor) driver)
                .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        int height = Math.min(Math.max(width.height(), scrollHeight.intValue()), 6000);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.width(),
                "height", height, "deviceScaleFactor", 1, "mobile", width == PHONE));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            emulate(width);
        }
    }

    private List<String> scan(String prefix, Width width, List<String> excluded) {
        AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA);
        if (!excluded.isEmpty()) {
            axe.exclude(excluded);
        }
        Results results = axe.analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on " + prefix + ": " + results.getErrorMessage()).isFalse();
        List<String> failures = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("axe-core " + results.getTestEngine().getVersion() + " on " + driver.getCurrentUrl() + " at "
                + width.name() + " (" + width.width() + " px): " + results.getViolations().size() + " violation(s), "
                + results.getPasses().size() + " rule(s) passed"
                + (excluded.isEmpty() ? "" : "; not scanned (stand-in VNeID, Keycloak's markup): " + excluded));
        for (Rule rule : results.getViolations()) {
            StringBuilder line = new StringBuilder("  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp());
            for (CheckedNode node : rule.getNodes()) {
                line.append("\n      ").append(node.getTarget()).append(" ").append(node.getHtml());
            }
            lines.add(line.toString());
            if (FAILING_IMPACTS.contains(rule.getImpact())) {
                failures.add(width.name() + " " + line);
            }
        }
        for (String line : lines) {
            System.out.println("[axe] " + journey + "/" + prefix + " " + line);
        }
        report.addAll(lines);
        try {
            Files.write(directory.resolve(prefix + "-" + width.name() + "-axe.txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return failures;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                cleanUp.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
