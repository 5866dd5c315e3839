package dev.quintet.shop;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The shop page and its fragments render, and adding a user through the form stores it or says why not. */
@SpringBootTest
@AutoConfigureMockMvc
class ShopConsolePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shop shop;

    @Test
    void thePageListsCollectionsAndTheFirstPageOfHelloDoc() throws Exception {
        mvc.perform(get("/console/shop"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"shop-collections\""), containsString(">helloDoc<"),
                        containsString("1,000"), containsString(">ly0<"), containsString(">ly19<"), not(containsString(">ly20<")),
                        containsString("id=\"shop-next\""), containsString("Shop · Quintet"))));
    }

    @Test
    void theWorkspaceFragmentPagesWithTheCursor() throws Exception {
        long after = Long.parseLong(shop.user("helloDoc", "ly19").orElseThrow().id());
        mvc.perform(get("/console/shop/workspace").param("collection", "helloDoc").param("after", String.valueOf(after)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">ly20<"), containsString(">ly39<"),
                        not(containsString(">ly19<")), not(containsString("<html")))));
    }

    @Test
    void addingAUserStoresItAndShowsItsCollection() throws Exception {
        mvc.perform(post("/console/shop/users").with(csrf()).header("HX-Request", "true")
                        .param("collection", "console-added").param("name", "Zoë").param("age", "41"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Added Zoë to console-added"), containsString(">Zoë<"),
                        containsString(">console-added<"))));
        Assertions.assertThat(shop.user("console-added", "Zoë")).get().extracting(u -> u.age()).isEqualTo(41L);
    }

    @Test
    void aBadFormSaysWhatIsWrongAndStoresNothing() throws Exception {
        mvc.perform(post("/console/shop/users").with(csrf()).header("HX-Request", "true")
                        .param("collection", "console-bad").param("name", "Al").param("age", "forty"))
                .andExpect(content().string(containsString("“forty” is not an age")));
        mvc.perform(post("/console/shop/users").with(csrf()).header("HX-Request", "true")
                        .param("collection", "api").param("name", "Al").param("age", "4"))
                .andExpect(content().string(containsString("&#39;api&#39; cannot name a collection")));
        mvc.perform(post("/console/shop/users").with(csrf()).param("collection", "console-bad").param("name", "").param("age", "4"))
                .andExpect(content().string(allOf(containsString("A name has 1 to 255 characters."), containsString("<html"))));
        Assertions.assertThat(shop.collections()).doesNotContainKeys("console-bad", "api");
    }
}
