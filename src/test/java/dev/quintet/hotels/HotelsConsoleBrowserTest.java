package dev.quintet.hotels;

import dev.quintet.support.HeadlessChrome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.regex.Pattern;

/**
 * The hotels pages in headless Chromium: pick a city, run a search and watch its progress, tick hotels
 * and save them, see them stored and charted; measure every strategy on the analyze page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"quintet.hotels.sandbox-latency=60ms", "quintet.hotels.outbox-retry=1h"})
class HotelsConsoleBrowserTest {


    static WebDriver browser;

    @LocalServerPort
    int port;

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

    @Test
    void searchesWithLiveProgressAndSavesASelection() {
        browser.get(url("/console/hotels"));
        assertThat(browser.getTitle()).isEqualTo("Hotels · Quintet");

        // the picker narrows to what is typed
        browser.findElement(By.id("city-search")).sendKeys("lyo");
        await().until(d -> new Select(d.findElement(By.id("city"))).getOptions().size() == 1);
        assertThat(new Select(browser.findElement(By.id("city"))).getFirstSelectedOption().getText()).isEqualTo("Lyon (FR)");
        new Select(browser.findElement(By.id("strategy"))).selectByValue("sequential");
        browser.findElement(By.id("search-button")).click();

        // sequential at 60 ms a page takes about 2 s: the progress is seen part way
        await().until(ExpectedConditions.textMatches(By.id("run-phase"), Pattern.compile("^([1-9]|[12]\\d) of 30 hotel pages")));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#run[data-state=done]")));
        assertThat(browser.findElement(By.id("run-timings")).getText()).contains("sequential", "30 hotels", "total");

        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).hasSize(30);
        List<String> picked = rows.subList(0, 3).stream().map(r -> {
            r.findElement(By.name("pick")).click();
            return r.findElement(By.cssSelector("td a")).getText();
        }).toList();
        browser.findElement(By.id("save-button")).click();
        await().until(ExpectedConditions.textToBe(By.id("saved"), "3 published"));

        // the event is delivered, the selected table refreshes itself, and the charts are drawn
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#selected .card-head"), "3 stored"));
        String table = browser.findElement(By.id("selected-table")).getText();
        picked.forEach(name -> assertThat(table).contains(name));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stars-chart svg")));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rating-chart svg")));
    }

    @Test
    void selectAllTicksEveryHotel() {
        browser.get(url("/console/hotels"));
        browser.findElement(By.id("search-button")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#run[data-state=done]")));
        browser.findElement(By.id("pick-all")).click();
        assertThat(browser.findElements(By.cssSelector("#results input[name=pick]")))
                .hasSize(30).allMatch(WebElement::isSelected);
    }

    @Test
    void analyzeMeasuresEveryStrategySideBySide() {
        browser.get(url("/console/hotels/analyze"));
        browser.findElement(By.id("analyze-button")).click();

        await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#analysis-table tbody tr"), 4));
        String table = browser.findElement(By.id("analysis-table")).getText();
        assertThat(table).contains("sequential", "threads", "virtual-threads", "distributed");
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#analysis-chart svg")));
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
