package vn.motcua.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A journey through the web front in a real browser: Debian's headless Chromium, driven through its ChromeDriver
 * (both installed by {@code scripts/setup.sh}; a missing one fails the test, it never skips). One browser serves every
 * journey of the test JVM, against the one running application of {@link IntegrationTest}.
 * <p>
 * Every page a journey visits is {@linkplain #look(String) looked at} the way a tester would: a screenshot at a desktop
 * and at a phone width (files named {@code …-screenshot.png} under {@code target/screenshots/}), no error in the
 * browser's console, and axe-core's WCAG 2.1 A/AA rules with no serious or critical violation.
 */
public abstract class BrowserJourney extends IntegrationTest {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static ChromeDriver shared;
    private static Path downloads;

    protected ChromeDriver browser;
    private String journey;
    private int pageNumber;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = browser();
        journey = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        pageNumber = 0;
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(DESKTOP);
    }

    /** Goes to a path of the application (as typed in the address bar). */
    protected void open(String path) {
        browser.get(base() + path);
    }

    /**
     * Goes to a path that answers with an error page ({@code status}): the browser's console reports that page's own
     * status as an error, which is expected here; any other console error still fails the journey.
     */
    protected void openErrorPage(String path, int status) {
        open(path);
        waitForPage();
        String expected = base() + path + " - Failed to load resource: the server responded with a status of " + status;
        List<String> others = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> !message.startsWith(expected)).toList();
        assertThat(others).as("console errors on " + path).isEmpty();
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** Signs in on the sign-in page with a demo user's password; lands where the site sends them. */
    protected void signIn(String user) {
        open("/login");
        look("sign-in");
        field("username").sendKeys(user);
        field("password").sendKeys(PASSWORD);
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).as("signed in as " + user).doesNotContain("/login");
    }

    protected void signOut() {
        click(By.cssSelector("header form[action$='/logout'] button"));
    }

    // the marks of the officials' dossier pages (web.official): a status tag, a notice of what was done, a timeline,
    // summary lists of label and value

    /** Chooses an outcome, writes the comment, records the decision and looks at the page it leads back to. */
    protected void decideInPage(String outcome, String comment, String name) {
        choose(outcome);
        if (!comment.isEmpty()) {
            field("comment").sendKeys(comment);
        }
        click("Ghi quyết định");
        look(name);
        assertThat(browser.findElements(By.cssSelector(".error-summary"))).as(text()).isEmpty();
        assertThat(notice()).contains("Đã ghi quyết định \"" + outcome + "\"");
    }

    /** Signs out, waits until the browser is on the sign-in page again, and signs in as another official. */
    protected void signInAs(String user) {
        signOut();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        signIn(user);
    }

    protected void choose(String label) {
        click(By.xpath("//label[normalize-space()='" + label + "']"));
    }

    protected String status() {
        return browser.findElement(By.cssSelector(".status-tag")).getText();
    }

    protected String notice() {
        return browser.findElement(By.cssSelector(".notice--done")).getText();
    }

    protected String timeline() {
        return browser.findElement(By.cssSelector(".timeline")).getText();
    }

    protected String summaryValue(String label) {
        return browser.findElement(By.xpath("//div[contains(@class,'summary-list__row')][dt[normalize-space()='"
                + label + "']]/dd")).getText();
    }

    /** The form control labelled for, or named, {@code name}. */
    protected WebElement field(String name) {
        List<WebElement> byId = browser.findElements(By.id(name));
        return byId.isEmpty() ? browser.findElement(By.name(name)) : byId.getFirst();
    }

    /** The link or button whose visible text is exactly {@code text}. */
    protected WebElement control(String text) {
        return browser.findElement(By.xpath("//a[normalize-space()=" + quoted(text) + "] | //button[normalize-space()="
                + quoted(text) + "] | //input[@type='submit' and @value=" + quoted(text) + "]"));
    }

    protected void click(String text) {
        click(control(text));
    }

    protected void click(By by) {
        click(browser.findElement(by));
    }

    /**
     * Clicks like a person; when the element leads to another page (a submit button, a link to another address), waits
     * until that page has replaced this one, so that what follows reads the new page and never the old.
     */
    protected void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        boolean navigates = (Boolean) ((JavascriptExecutor) browser).executeScript(NAVIGATES, element);
        element.click();
        if (navigates) {
            // the old document carries a mark; the page that replaces it has none
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(driver ->
                    ((JavascriptExecutor) driver).executeScript("return window.motcuaOldPage === true") == Boolean.FALSE);
        }
        waitForPage();
    }

    /**
     * Whether clicking the element loads another page — a link elsewhere that is no download, or a form's submit button
     * that asks nothing first — and if so, marks the page that is about to be replaced.
     */
    private static final String NAVIGATES = """
            const e = arguments[0];
            const a = e.closest('a[href]');
            let navigates;
            if (a) {
              navigates = !a.hasAttribute('download') && !a.getAttribute('href').startsWith('#')
                  && a.target !== '_blank' && !a.href.startsWith(location.href.split('#')[0] + '#');
            } else {
              const b = e.closest('button, input[type=submit]');
              navigates = !!(b && b.form && b.type === 'submit' && !b.hasAttribute('data-confirm'));
            }
            if (navigates) {
              window.motcuaOldPage = true;
            }
            return navigates;""";

    protected String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    protected String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Waits up to {@code seconds} for {@code condition}, reloading the page in between (read models lag a moment). */
    protected void eventually(int seconds, java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the page did not show it in %d s: %s", seconds, text()).isLessThan(until);
            sleep(300);
            browser.navigate().refresh();
            waitForPage();
        }
    }

    /**
     * Looks at the page now shown: saves it at desktop and phone widths, fails on any error in the browser's console
     * and on any serious or critical accessibility violation that axe-core finds.
     */
    protected void look(String name) {
        waitForPage();
        String file = "%s-%02d-%s".formatted(journey, ++pageNumber, name);
        screenshot(file + "-desktop", DESKTOP);
        screenshot(file + "-phone", PHONE);
        browser.manage().window().setSize(DESKTOP);
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on %s (%s)", name, browser.getCurrentUrl()).isEmpty();
        assertThat(browser.getPageSource()).as("a message key without its text (??key??) on " + name)
                .doesNotContainPattern("\\?\\?[\\w.]+_(vi|en)\\?\\?");
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .disableIframeTesting().analyze(browser);
        List<String> serious = axe.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(BrowserJourney::describe).toList();
        assertThat(serious).as("axe-core on %s (%s)", name, browser.getCurrentUrl()).isEmpty();
    }

    /** Files the browser has downloaded during this journey, waiting up to 20 s for one whose name matches. */
    protected Path downloaded(String nameRegex) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Stream<Path> files = Files.list(downloads)) {
                var found = files.filter(file -> file.getFileName().toString().matches(nameRegex)
                        && !file.getFileName().toString().endsWith(".crdownload")).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(System.nanoTime()).as("no download matching " + nameRegex).isLessThan(until);
            sleep(200);
        }
    }

    /** A file to upload through a file input: written to a temporary folder, its absolute path. */
    protected static String file(String name, byte[] content) {
        try {
            Path dir = Files.createTempDirectory("citizen-upload");
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first bytes of a downloaded file, as text ("%PDF" for a PDF). */
    protected static String startOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, 0, Math.min(4, bytes.length), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets earlier downloads, so that {@link #downloaded} finds the next one. */
    protected void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String file, Dimension width) {
        browser.manage().window().setSize(width);
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(width.getWidth(),
                Math.min(Math.max(height.intValue(), width.getHeight()), 6000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(file + "-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitForPage() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized ChromeDriver browser() {
        if (shared != null) {
            return shared;
        }
        assertThat(CHROMIUM).as("Chromium is missing: run scripts/setup.sh (Debian package chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("ChromeDriver is missing: run scripts/setup.sh (Debian package chromium-driver)")
                .isExecutable();
        try {
            downloads = Files.createDirectories(Path.of("target", "browser-downloads").toAbsolutePath());
            Path profile = Files.createTempDirectory("motcua-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=vi", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "plugins.always_open_pdf_externally", true));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            shared = new ChromeDriver(service, options);
            shared.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            shared.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
            return shared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
