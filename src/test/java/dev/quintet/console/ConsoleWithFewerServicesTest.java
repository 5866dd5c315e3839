package dev.quintet.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An instance with only citizens still has a console, built from the pages the enabled services register:
 * the disabled services have no page and no entry in the navigation.
 */
@SpringBootTest(properties = "quintet.services=citizens")
@AutoConfigureMockMvc
class ConsoleWithFewerServicesTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("quintet-console-nocars-").toString();
        registry.add("quintet.data", () -> data);
    }

    @Test
    void carsPageIsNotFound() throws Exception {
        mvc.perform(get("/console/cars")).andExpect(status().isNotFound());
    }

    @Test
    void everyDisabledServicesPagesAreNotFound() throws Exception {
        mvc.perform(get("/console/shop")).andExpect(status().isNotFound());
        mvc.perform(get("/console/hotels")).andExpect(status().isNotFound());
        mvc.perform(get("/console/hotels/analyze")).andExpect(status().isNotFound());
        mvc.perform(get("/console/ledger")).andExpect(status().isNotFound());
    }

    @Test
    void navigationListsOnlyTheRegisteredPages() throws Exception {
        mvc.perform(get("/console/citizens"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/console/citizens\""),
                        not(containsString("href=\"/console/cars\"")),
                        not(containsString("href=\"/console/shop\"")),
                        not(containsString("href=\"/console/hotels\"")),
                        not(containsString("href=\"/console/ledger\"")))));
    }

    @Test
    void carsFragmentsAreNotFound() throws Exception {
        mvc.perform(get("/console/cars/lookup").param("serial", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/console/cars/page")).andExpect(status().isNotFound());
    }

    @Test
    void overviewShowsCarsAsOff() throws Exception {
        mvc.perform(get("/console/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("pill off"), containsString("data-chart-label=\"cars\""),
                        // the overview still lists every service, but links only those with a page here
                        containsString("href=\"/console/citizens\""), not(containsString("href=\"/console/cars\"")))));
    }
}
