package dev.quintet.shop;

import dev.quintet.support.HeadlessChrome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shop page as a person uses it, in headless Chromium: paging, switching collections, adding a user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopConsoleBrowserTest {


    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

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
    void pagesThroughHelloDocWithoutReloading() {
        browser.get(url("/console/shop"));
        assertThat(browser.findElement(By.id("shop-users")).getText()).contains("ly0", "ly19").doesNotContain("ly20");
        String id19 = shop.user("helloDoc", "ly19").orElseThrow().id();

        browser.findElement(By.id("shop-next")).click();

        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("shop-users"), "ly20"));
        assertThat(browser.findElement(By.id("shop-users")).getText()).contains("ly39").doesNotContain("ly19");
        assertThat(browser.getCurrentUrl()).endsWith("/console/shop?collection=helloDoc&after=" + id19);
    }

    @Test
    void addsAUserAndShowsItInItsNewCollection() {
        browser.get(url("/console/shop"));
        WebElement form = browser.findElement(By.id("shop-add"));
        WebElement collection = form.findElement(By.name("collection"));
        collection.clear();
        collection.sendKeys("browser-made");
        form.findElement(By.name("name")).sendKeys("Greta Browser");
        form.findElement(By.name("age")).sendKeys("52");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("shop-outcome"), "Added Greta Browser to browser-made"));
        assertThat(browser.findElement(By.id("shop-users")).getText()).contains("Greta Browser", "52");
        assertThat(browser.findElement(By.id("shop-collections")).getText()).contains("browser-made");
        assertThat(shop.user("browser-made", "Greta Browser")).isPresent();
        // htmx swapped the workspace: a plain form post would have moved to /console/shop/users
        assertThat(browser.getCurrentUrl()).endsWith("/console/shop");
    }

    @Test
    void saysWhyAUserCannotBeAdded() {
        browser.get(url("/console/shop"));
        WebElement form = browser.findElement(By.id("shop-add"));
        form.findElement(By.name("name")).sendKeys("Nobody");
        form.findElement(By.name("age")).sendKeys("old");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("shop-outcome"), "“old” is not an age"));
        assertThat(shop.user("helloDoc", "Nobody")).isEmpty();
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
