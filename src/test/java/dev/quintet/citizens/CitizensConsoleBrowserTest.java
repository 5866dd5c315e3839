package dev.quintet.citizens;

import dev.quintet.support.HeadlessChrome;
import dev.quintet.support.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The citizens page in headless Chromium: upload a file, land on its import, see its charts drawn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizensConsoleBrowserTest {

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
    void uploadsAnImportAndDrawsItsCharts() throws IOException {
        Path file = Files.createTempFile("citizens-", ".json");
        Files.writeString(file, """
                {"citizens": [
                 {"citizen_id": 1, "town": "Москва", "street": "Ленина", "building": "1", "apartment": 1,
                  "name": "Ирина Загадкина", "birth_date": "26.12.1986", "gender": "female", "relatives": [2]},
                 {"citizen_id": 2, "town": "Керчь", "street": "Мира", "building": "2", "apartment": 2,
                  "name": "Пётр Отгадкин", "birth_date": "01.04.1997", "gender": "male", "relatives": [1]}]}""");

        browser.get("http://localhost:" + port + "/console/citizens");
        browser.findElement(By.id("citizens-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#citizens-upload button[type=submit]")).click();

        await().until(ExpectedConditions.urlMatches("/console/citizens\\?import=\\d+$"));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#presents-chart svg")));
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#percentiles-chart svg")));
        assertThat(browser.findElement(By.id("citizens-list")).getText()).contains("Ирина Загадкина", "Пётр Отгадкин");
        assertThat(browser.findElement(By.id("citizens-towns")).getText()).contains("Керчь", "Москва");
    }

    @Test
    void saysWhyAnInvalidFileIsRefused() throws IOException {
        Path file = Files.createTempFile("citizens-", ".json");
        Files.writeString(file, "{\"citizens\": [{\"citizen_id\": 1}]}");
        browser.get("http://localhost:" + port + "/console/citizens");
        browser.findElement(By.id("citizens-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#citizens-upload button[type=submit]")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("citizens-upload-result"), "Refused (400)"));
        assertThat(browser.findElement(By.id("citizens-upload-result")).getText()).contains("town");
    }

    @Test
    void pagesThroughALargeImportWithoutReloadingThePage() {
        StringBuilder body = new StringBuilder("{\"citizens\": [");
        for (int i = 1; i <= 30; i++) {
            body.append(i == 1 ? "" : ",").append("{\"citizen_id\": ").append(1000 + i).append(", \"town\": \"Керчь\", "
                    + "\"street\": \"Мира\", \"building\": \"1\", \"apartment\": 1, \"name\": \"Номер ").append(i)
                    .append("\", \"birth_date\": \"01.02.1990\", \"gender\": \"male\", \"relatives\": []}");
        }
        Http.Response created = new Http(port).post("/imports", body.append("]}").toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("data").get("import_id").asLong();

        browser.get("http://localhost:" + port + "/console/citizens?import=" + id);
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#presents-chart svg")));
        assertThat(browser.findElement(By.id("citizens-list")).getText()).contains("1025").doesNotContain("1026");
        // marks the document: a full reload would lose the mark, an htmx swap keeps it
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.mark = 'kept'");

        browser.findElement(By.id("citizens-next")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("citizens-list"), "1030"));
        assertThat(browser.findElement(By.id("citizens-list")).getText()).contains("1026").doesNotContain("1025");
        assertThat(browser.getCurrentUrl()).endsWith("import=" + id + "&page=1");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.mark")).isEqualTo("kept");

        browser.findElement(By.id("citizens-previous")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("citizens-list"), "1001"));
        assertThat(browser.findElement(By.id("citizens-list")).getText()).doesNotContain("1026");
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
