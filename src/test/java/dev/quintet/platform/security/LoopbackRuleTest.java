package dev.quintet.platform.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** With no admin token set, the client's address decides: loopback is served, any other address is not. */
@SpringBootTest
@AutoConfigureMockMvc
class LoopbackRuleTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "192.168.0.7", "128.0.0.1", "fd00::2", "2001:db8::1"})
    void aRemoteClientIsRefusedAnAdminOperationWith403(String address) throws Exception {
        mvc.perform(post("/api/ledger/reconcile").param("repair", "false").with(from(address))
                        // a forwarded header must not make a remote client look local
                        .header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("Forbidden"))
                .andExpect(jsonPath("$.error").value(containsString("loopback clients only")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.4.5", "::1", "0:0:0:0:0:0:0:1"})
    void aLoopbackClientIsServed(String address) throws Exception {
        mvc.perform(post("/api/ledger/reconcile").param("repair", "false").with(from(address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nodes").isArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "2001:db8::1"})
    void aRemoteClientStillUsesTheOpenContracts(String address) throws Exception {
        mvc.perform(post("/update").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"remote\", \"author\": \"A\", \"timestamp\": 20140812003842}"))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
