package dev.aurum.web;

import dev.aurum.assistant.FeedbackLog;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.testing.SparkTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The pages in a real browser: Debian's chromium and chromium-driver, headless, against the server on 127.0.0.1.
 * Ask a question and see the table and the chart, click a clarification choice, pin the answer, open the dashboard
 * and see the tile, and see a hostile category value as text. Screenshots go to {@code target/screenshots/}.
 * Without chromium the test is skipped locally and fails when {@code CI=true} ({@code .ci/run} installs it).
 */
@SparkTest
class BrowserTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path state;

    private static WebServer server;
    private static WebDriver driver;
    private static ExecutorService tiles;
    private static String base;

    @BeforeAll
    static void start()
            throws IOException
    {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install them with: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + reason);
            }
            Assumptions.abort(reason);
        }
        WebFixture fixture = WebFixture.shared();
        Path dashboards = state.resolve("dashboards");
        Files.createDirectories(dashboards);
        Files.writeString(dashboards.resolve("categories.yaml"), """
                title: Categories
                tiles:
                  - id: revenue-by-category
                    title: Revenue by category
                    sql: SELECT product_category, revenue FROM webtest.category_sales ORDER BY revenue DESC
                    chart: bar
                    size: large
                """);
        tiles = Executors.newFixedThreadPool(2);
        SemanticModel model = new SemanticModelLoader().parse(new ProjectFiles(Path.of(".")).read(SemanticModelLoader.DEFAULT_MODEL), SemanticModelLoader.DEFAULT_MODEL);
        server = new WebServer(WebSettings.of("127.0.0.1", 0, Optional.empty()), fixture.answers(),
                new DashboardService(new DashboardStore(dashboards), sql -> fixture.executor().execute(sql), fixture.versions(), tiles),
                new FeedbackLog(state.resolve("_aurum"), Clock.systemUTC()), model,
                () -> Map.of("tables", List.of(Map.of("table", "gold.order_facts", "version", 3, "rows", 48)), "runs", List.of()));
        server.start();
        base = "http://127.0.0.1:" + server.port();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop()
    {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (tiles != null) {
            tiles.shutdownNow();
        }
    }

    @Test
    void askClarifyPinAndOpenTheDashboard()
            throws IOException
    {
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(180));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.sample")));

        // ask: the answer shows a table and a chart, and the hostile category as text
        ask(wait, "revenue by category");
        WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".answer[data-answer-id='q1']")));
        assertThat(answer.getAttribute("data-status")).isEqualTo("answered");
        List<WebElement> rows = answer.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).findElements(By.tagName("td")).get(0).getText()).isEqualTo(WebFixture.HOSTILE_CATEGORY);
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("1,200.50");
        wait.until(d -> !answer.findElements(By.cssSelector(".chart canvas")).isEmpty());
        assertThat(answer.findElement(By.cssSelector(".chart")).getAttribute("data-chart-type")).isEqualTo("bar");
        assertNothingInjected();
        screenshot("ask");

        // sorting the table by a header click
        click(answer.findElements(By.cssSelector("table.data th")).get(1));
        assertThat(answer.findElements(By.cssSelector("table.data tbody tr")).get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("95.10");

        // a clarification: its choices are buttons, and clicking one answers it in the same conversation
        ask(wait, "revenue");
        WebElement clarification = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".answer[data-answer-id='q2']")));
        assertThat(clarification.getAttribute("data-status")).isEqualTo("clarification");
        List<WebElement> choices = clarification.findElements(By.cssSelector("button.choice"));
        assertThat(choices).extracting(WebElement::getText).containsExactly("revenue by category", "revenue by category, top 2");
        click(choices.get(1));
        WebElement chosen = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".answer[data-answer-id='q3']")));
        assertThat(chosen.getAttribute("data-status")).isEqualTo("answered");
        assertThat(chosen.findElements(By.cssSelector("table.data tbody tr"))).hasSize(2);
        screenshot("clarification");

        // pin the answer to a new dashboard
        click(chosen.findElement(By.cssSelector("button.pin")));
        WebElement pinForm = wait.until(d -> chosen.findElement(By.cssSelector(".pin-form")));
        new Select(pinForm.findElement(By.cssSelector("select.pin-dashboard"))).selectByValue("");
        pinForm.findElement(By.cssSelector("input.pin-new")).sendKeys("pinned");
        click(pinForm.findElement(By.cssSelector("button.pin-save")));
        WebElement open = wait.until(d -> chosen.findElement(By.cssSelector(".pin-result a")));

        // the dashboard shows the tile with its chart and data
        click(open);
        WebElement tile = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile[data-tile-id]")));
        assertThat(tile.findElement(By.tagName("h3")).getText()).isEqualTo("revenue by category, top 2");
        wait.until(d -> !tile.findElements(By.cssSelector(".chart canvas")).isEmpty());
        assertThat(tile.findElement(By.cssSelector(".tile-meta")).getText()).contains("data date");
        screenshot("dashboard-pinned");

        // a second dashboard: the hostile value inside a tile's table is text, and nothing ran
        driver.get(base + "/dashboards?name=categories");
        WebElement categories = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile[data-tile-id='revenue-by-category']")));
        wait.until(d -> !categories.findElements(By.cssSelector(".chart canvas")).isEmpty());
        List<WebElement> cells = categories.findElements(By.cssSelector("table.data td"));
        assertThat(cells).extracting(cell -> cell.getAttribute("textContent")).contains(WebFixture.HOSTILE_CATEGORY);
        assertNothingInjected();
        screenshot("dashboards");

        // the data page: pipeline status and the semantic model
        driver.get(base + "/data");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.model-table")));
        assertThat(driver.findElement(By.id("pipeline")).getText()).contains("gold.order_facts");
        assertThat(driver.findElements(By.cssSelector("details.model-table summary"))).extracting(WebElement::getText).contains("gold.order_facts");
        screenshot("data");
    }

    private void ask(WebDriverWait wait, String question)
    {
        WebElement input = driver.findElement(By.id("question"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ask")));
        input.sendKeys(question);
        driver.findElement(By.id("ask")).click();
    }

    /** Clicks like a person who first scrolls the element to the middle of the window (the question box stays at the bottom). */
    private void click(WebElement element)
    {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The hostile value made no element and ran no script. */
    private void assertNothingInjected()
    {
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private void screenshot(String name)
            throws IOException
    {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
