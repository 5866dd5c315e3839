package dev.quintet.console;

import dev.quintet.support.HeadlessChrome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.cars.Cars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console as a person uses it: a real server, a real headless Chromium, htmx doing the swaps.
 * Chromium and ChromeDriver come from Debian; a missing driver fails the test rather than skipping it,
 * so a machine without them cannot pass for one where the console was tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

    static final String INSTANCE = "console-browser-test";
    static final long SERIAL = 31_337;

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Cars cars;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("quintet-console-browser-");
        registry.add("quintet.data", data::toString);
        registry.add("quintet.instance-name", () -> INSTANCE);
    }

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChrome.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void storeCars() {
        if (cars.find(SERIAL).isEmpty()) {
            cars.add(TestCars.car(SERIAL, "Margarethe Quintero", "Volvo", "XC60 Recharge"));
            for (long serial = 1; serial <= 30; serial++) {
                cars.add(TestCars.car(serial));
            }
        }
    }

    @Test
    void looksACarUpBySerialWithoutLeavingThePage() {
        browser.get(url("/console/cars"));
        lookUp(String.valueOf(SERIAL));

        WebElement car = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lookup-result #car")));
        assertThat(car.getText()).contains("Margarethe Quintero", "Volvo XC60 Recharge", String.valueOf(SERIAL));
        // htmx swapped the result in: a plain form submit would have moved to ?serial=...
        assertThat(browser.getCurrentUrl()).endsWith("/console/cars");
    }

    @Test
    void saysWhatIsWrongWithInputThatIsNoSerial() {
        browser.get(url("/console/cars"));
        lookUp("twelve");

        WebElement notice = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lookup-result .notice")));
        assertThat(notice.getText()).contains("“twelve” is not a serial number");

        lookUp("4000");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#lookup-result .notice"),
                "No car has serial 4000."));
    }

    @Test
    void pagesThroughCarsWithTheAfterCursor() {
        browser.get(url("/console/cars"));
        assertThat(browser.findElement(By.cssSelector("#cars-page .card-head")).getText()).contains("serials 1 to 20");

        browser.findElement(By.id("next-page")).click();

        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#cars-page .card-head"),
                "serials 21 to " + SERIAL));
        assertThat(browser.findElements(By.id("next-page"))).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/console/cars?after=20");
    }

    @Test
    void overviewShowsThisInstanceAndDrawsTheRequestsChart() {
        browser.get(url("/console/"));

        assertThat(browser.findElement(By.id("instance-name")).getText()).isEqualTo(INSTANCE);
        assertThat(browser.getTitle()).isEqualTo("Overview · Quintet");
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#requests-chart svg")));
    }

    private void lookUp(String serial) {
        WebElement input = browser.findElement(By.id("serial"));
        input.clear();
        input.sendKeys(serial);
        browser.findElement(By.cssSelector("form.lookup button[type=submit]")).click();
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
