package dev.quintet.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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

/** An instance without the cars service still has a console; it says cars is not here. */
@SpringBootTest(properties = "quintet.services=citizens")
@AutoConfigureMockMvc
class ConsoleWithoutCarsTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("quintet-console-nocars-").toString();
        registry.add("quintet.data", () -> data);
    }

    @Test
    void carsPageSaysTheServiceIsNotEnabled() throws Exception {
        mvc.perform(get("/console/cars"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cars is not enabled on this instance")));
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
                .andExpect(content().string(allOf(containsString("pill off"), containsString("data-chart-label=\"cars\""))));
    }
}
