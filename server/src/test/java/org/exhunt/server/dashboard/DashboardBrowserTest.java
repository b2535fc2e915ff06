package org.exhunt.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.exhunt.server.RunningServer;
import org.exhunt.server.SampleReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in the system's headless Chromium: an analyst signs in, the fleet page lists the
 * uploaded servers with their verdicts, a server's page and the actors page show what the reports
 * say. Screenshots of the fleet page go to docs/ for the user guide.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path data;
    RunningServer s;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the dashboard test needs Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        }
        s = RunningServer.sqlite(data);
        upload(SampleReports.compromised("s1", "EXCH-MAIL01", "104.248.49.97"));
        upload(SampleReports.json(SampleReports.report("s2", "EXCH-MAIL02", "attempted", List.of("CVE-2022-41040"),
                "2022-10-02T11:00:00Z", "104.248.49.97", "203.0.113.50")));
        upload(SampleReports.clean("s3", "EXCH-EDGE01"));
        upload(SampleReports.json(SampleReports.report("s4", "EXCH-DR01", "inconclusive", List.of(), "2021-03-03T02:10:11Z")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    private void upload(String json) {
        assertThat(s.http.post("/api/v1/scans", s.agentA, json).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (s != null) s.close();
    }

    private void signIn(String token) {
        browser.get(s.server.uri() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form.login button")).click();
    }

    @Test
    void theFleetPageListsTheUploadedServersWithTheirVerdicts() throws Exception {
        signIn(s.analystA);
        assertThat(browser.getCurrentUrl()).isEqualTo(s.server.uri() + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#servers tbody tr"));
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td:first-child")).getText())
                .containsExactly("EXCH-MAIL01", "EXCH-MAIL02", "EXCH-DR01", "EXCH-EDGE01");
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".verdict")).getText())
                .containsExactly("compromised", "attempted", "inconclusive", "clean");
        assertThat(browser.findElement(By.cssSelector(".count.compromised .n")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".count.exposed .n")).getText()).isEqualTo("2");
        screenshot("fleet-dashboard.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("#servers tbody tr"))).hasSize(4);
        screenshot("fleet-dashboard-phone.png");
    }

    @Test
    void theFilterBoxHidesServersThatDoNotMatch() {
        signIn(s.analystA);
        browser.findElement(By.cssSelector("input[data-filter=servers]")).sendKeys("attempted");
        List<WebElement> visible = browser.findElements(By.cssSelector("#servers tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(visible).extracting(r -> r.findElement(By.cssSelector("td:first-child")).getText())
                .containsExactly("EXCH-MAIL02");
    }

    @Test
    void aServerPageShowsItsChainsTimelineAndScansAndTheActorsPageTheSharedAddress() {
        signIn(s.analystA);
        browser.findElement(By.linkText("EXCH-MAIL02")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("EXCH-MAIL02").contains("attempted");
        assertThat(browser.findElements(By.cssSelector("#chains tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("ProxyLogon SSRF <succeeded>");
        assertThat(browser.findElements(By.cssSelector("#scans tbody tr"))).hasSize(1);

        browser.findElement(By.linkText("Actors")).click();
        WebElement top = browser.findElement(By.cssSelector("#actors tbody tr"));
        assertThat(top.getText()).contains("104.248.49.97").contains("EXCH-MAIL01").contains("EXCH-MAIL02");
    }

    @Test
    void anAgentTokenCannotSignInToTheDashboard() {
        signIn(s.agentA);
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("agent token");
        assertThat(browser.findElements(By.id("servers"))).isEmpty();
    }

    @Test
    void anotherTenantsAnalystSeesAnEmptyFleet() {
        signIn(s.analystB);
        assertThat(browser.findElements(By.id("servers"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".empty")).getText()).contains("No reports yet");
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path docs = projectRoot().resolve("docs");
        Files.copy(shot.toPath(), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path projectRoot() {
        String p = System.getProperty("exhunt.root");
        Path root = (p != null ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("docs"))) throw new AssertionError("no docs/ folder under " + root);
        return root;
    }
}
