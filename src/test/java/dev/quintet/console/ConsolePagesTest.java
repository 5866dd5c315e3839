package dev.quintet.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.quintet.cars.Cars;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Every console page and fragment renders, from a fresh database with a few cars in it. */
@SpringBootTest
@AutoConfigureMockMvc
class ConsolePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Cars cars;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("quintet-console-pages-").toString();
        registry.add("quintet.data", () -> data);
        registry.add("quintet.instance-name", () -> "console-pages-test");
    }

    @BeforeEach
    void storeCars() {
        if (cars.count() == 0) {
            cars.add(TestCars.car(7, "Ingrid Testdottir", "Skoda", "Octavia Combi"));
            for (long serial = 100; serial < 125; serial++) {
                cars.add(TestCars.car(serial));
            }
        }
    }

    @Test
    void browsersAskingForTheRootAreSentToTheConsole() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/"));
        mvc.perform(get("/console"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/"));
    }

    @Test
    void overviewShowsInstanceDatabaseAndServices() throws Exception {
        mvc.perform(get("/console/"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(
                        containsString("console-pages-test"),
                        containsString("H2"),
                        containsString("primary"),
                        containsString("data-chart-label=\"cars\""),
                        containsString("data-chart-label=\"ledger\""),
                        // the links carry the webjar's version once resolved: /webjars/htmx.org/2.0.4/dist/...
                        containsString("/dist/echarts.min.js"),
                        containsString("/dist/htmx.min.js"))));
    }

    @Test
    void navigationLinksEveryServicePage() throws Exception {
        mvc.perform(get("/console/"))
                .andExpect(content().string(allOf(
                        containsString("href=\"/console/cars\""),
                        containsString("href=\"/console/citizens\""),
                        containsString("href=\"/console/shop\""),
                        containsString("href=\"/console/hotels\""),
                        containsString("href=\"/console/ledger\""),
                        not(containsString("coming</span>")),
                        containsString("href=\"/docs\""),
                        containsString("href=\"/metrics\""))));
    }

    @Test
    void carsPageListsTheFirstPageAndOffersTheNext() throws Exception {
        mvc.perform(get("/console/cars"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Ingrid Testdottir"),
                        containsString("serials 7 to 118"),
                        containsString("hx-get=\"/console/cars/page?after=118\""))));
    }

    @Test
    void nextPageIsAFragmentStartingAfterTheCursor() throws Exception {
        mvc.perform(get("/console/cars/page").param("after", "118"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"cars-page\""),
                        containsString("serials 119 to 124"),
                        not(containsString("next-page")),
                        not(containsString("<html")))));
    }

    @Test
    void lookupShowsTheCarOrSaysWhyNot() throws Exception {
        mvc.perform(get("/console/cars/lookup").param("serial", " 7 "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ingrid Testdottir"), containsString("Skoda Octavia Combi"),
                        not(containsString("<html")))));
        mvc.perform(get("/console/cars/lookup").param("serial", "8"))
                .andExpect(content().string(containsString("No car has serial 8.")));
        mvc.perform(get("/console/cars/lookup").param("serial", "<b>x</b>"))
                .andExpect(content().string(allOf(containsString("is not a serial number"),
                        containsString("&lt;b&gt;x&lt;/b&gt;"))));
        mvc.perform(get("/console/cars/lookup").param("serial", "-3"))
                .andExpect(content().string(containsString("Serial numbers start at 0")));
        mvc.perform(get("/console/cars/lookup"))
                .andExpect(content().string(containsString("Type a serial number")));
    }

    @Test
    void withoutJavaScriptTheFullPageAnswersTheLookup() throws Exception {
        mvc.perform(get("/console/cars").param("serial", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("id=\"car\""),
                        containsString("Skoda Octavia Combi"))));
    }
}
