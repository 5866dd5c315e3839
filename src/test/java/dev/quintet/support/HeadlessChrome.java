package dev.quintet.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver: the browser the console tests use as a person
 * would. Without it the tests fail, saying what to install; they never skip.
 */
public final class HeadlessChrome {

    public static final String CHROMIUM = "/usr/bin/chromium";

    private HeadlessChrome() {
    }

    public static WebDriver start() {
        String configured = System.getenv("QUINTET_TEST_CHROMEDRIVER");
        Path driver = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromedriver" : configured);
        if (!Files.isExecutable(driver) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("The console's browser tests need Chromium at " + CHROMIUM + " and ChromeDriver at " + driver
                    + ". Install Debian's packages: apt-get install -y chromium chromium-driver"
                    + " (./test installs them when run as root), or point QUINTET_TEST_CHROMEDRIVER at a chromedriver.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the machine has no network beyond package registries: background connections only fail slowly
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDirectory(), "--window-size=1280,900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), options);
    }

    private static Path profileDirectory() {
        try {
            return Files.createTempDirectory("quintet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
