package dev.quintet.ledger;

import dev.quintet.support.HeadlessChrome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quintet.support.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger page in headless Chromium: node state and lag change in place; a record's history opens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"quintet.ledger.backoff-max=300ms", "quintet.ledger.timeout=500ms"})
class LedgerConsoleBrowserTest {

    static WebDriver browser;
    static RedisServer redis;

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("quintet-ledger-console-");
        registry.add("quintet.data", data::toString);
        registry.add("quintet.instance-name", () -> "ledger-console-test");
    }

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        browser = HeadlessChrome.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        redis.close();
    }

    @Test
    void nodesRefreshLiveAndARecordsHistoryOpens() throws Exception {
        ledger.addNode(redis.url());
        ledger.update("marketing", "John Smith", 20140812003842L);
        ledger.update("marketing", "John Doe", 20170812003842L);

        browser.get("http://localhost:" + port + "/console/ledger");
        By state = By.cssSelector("tr.ledger-node .ledger-state");
        await().until(ExpectedConditions.textToBe(state, "in_sync"));
        assertThat(browser.findElement(By.cssSelector("tr.ledger-node .ledger-lag")).getText()).isEqualTo("0");

        redis.kill();
        ledger.update("marketing", "Jane Roe", 20180812003842L);
        // no reload: htmx polls the nodes fragment
        await().until(ExpectedConditions.textToBe(state, "down"));
        await().until(ExpectedConditions.textToBe(By.cssSelector("tr.ledger-node .ledger-lag"), "1"));

        browser.findElement(By.linkText("marketing")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("ledger-history")));
        assertThat(browser.findElement(By.id("ledger-history")).getText())
                .contains("20180812003842", "Jane Roe", "20140812003842", "John Smith");
        assertThat(browser.getCurrentUrl()).endsWith("/console/ledger");
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
